package vn.diemcau.appliance.health;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the box's health from Linux: {@code /proc/stat} (CPU busy between readings),
 * {@code /proc/loadavg}, {@code /proc/meminfo}, {@code /proc/uptime}, {@code /proc/net/route} and
 * {@code /proc/net/dev} (default-route interface counters), {@code /sys/class/thermal},
 * cpufreq, the Raspberry Pi firmware's {@code get_throttled} (sysfs, else {@code vcgencmd}), and
 * the state directory's file store. A missing source gives an empty or zero field, never an error.
 * Not thread-safe: one owner calls {@link #sample()}.
 */
public final class HealthSampler {

    private static final Logger log = LoggerFactory.getLogger(HealthSampler.class);
    static final String THROTTLED_SYSFS = "devices/platform/soc/soc:firmware/get_throttled";

    private final Path proc;
    private final Path sys;
    private final Path disk;
    private final Clock clock;
    private final boolean useVcgencmd;
    private long[] previousCpu = new long[0];

    /** Reads the real {@code /proc} and {@code /sys}; disk figures for the file system holding {@code stateDir}. */
    public static HealthSampler system(Path stateDir, Clock clock) {
        return new HealthSampler(Path.of("/proc"), Path.of("/sys"), stateDir, clock, true);
    }

    HealthSampler(Path proc, Path sys, Path disk, Clock clock, boolean useVcgencmd) {
        this.proc = proc;
        this.sys = sys;
        this.disk = disk;
        this.clock = clock;
        this.useVcgencmd = useVcgencmd && !Files.exists(sys.resolve(THROTTLED_SYSFS)) && onPath("vcgencmd");
    }

    public HealthSample sample() {
        String iface = defaultInterface().orElse("lo");
        long[] counters = netCounters(iface);
        return new HealthSample(clock.instant(), loadAverage(), cpuPercent(), temperature(), cpuFrequency(),
                memInfo("MemTotal"), memInfo("MemAvailable"), diskTotal(), diskFree(), uptime(), throttling(),
                new HealthSample.Network(iface, address(iface), counters[0], counters[1]));
    }

    double loadAverage() {
        return read(proc.resolve("loadavg")).map(s -> Double.parseDouble(s.trim().split("\\s+")[0])).orElse(0.0);
    }

    /** Busy share of all CPU time since the previous call (since boot on the first). */
    double cpuPercent() {
        Optional<long[]> now = read(proc.resolve("stat")).flatMap(s -> s.lines().filter(l -> l.startsWith("cpu ")).findFirst())
                .map(l -> Stream.of(l.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray());
        if (now.isEmpty() || now.get().length < 4) return 0.0;
        long[] cur = now.get();
        long total = 0;
        long idle = 0;
        for (int i = 0; i < cur.length; i++) {
            long d = cur[i] - (i < previousCpu.length ? previousCpu[i] : 0);
            total += d;
            if (i == 3 || i == 4) idle += d; // idle, iowait
        }
        previousCpu = cur;
        return total <= 0 ? 0.0 : Math.max(0.0, Math.min(100.0, 100.0 * (total - idle) / total));
    }

    Optional<Double> temperature() {
        Path thermal = sys.resolve("class/thermal");
        if (!Files.isDirectory(thermal)) return Optional.empty();
        try (Stream<Path> zones = Files.list(thermal)) {
            return zones.filter(p -> p.getFileName().toString().startsWith("thermal_zone"))
                    .map(p -> read(p.resolve("temp")).flatMap(HealthSampler::parseLong))
                    .flatMap(Optional::stream)
                    .map(milli -> milli / 1000.0)
                    .max(Double::compare);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Optional<Long> cpuFrequency() {
        return read(sys.resolve("devices/system/cpu/cpu0/cpufreq/scaling_cur_freq")).flatMap(HealthSampler::parseLong);
    }

    long memInfo(String key) {
        return read(proc.resolve("meminfo")).flatMap(s -> s.lines().filter(l -> l.startsWith(key + ":")).findFirst())
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(0L);
    }

    long uptime() {
        return read(proc.resolve("uptime")).map(s -> (long) Double.parseDouble(s.trim().split("\\s+")[0])).orElse(0L);
    }

    HealthSample.Throttling throttling() {
        Optional<String> raw = read(sys.resolve(THROTTLED_SYSFS));
        if (raw.isEmpty() && useVcgencmd) raw = vcgencmd();
        return raw.map(s -> s.trim().replaceFirst("^throttled=", "").replaceFirst("^0x", ""))
                .filter(s -> s.matches("[0-9a-fA-F]+"))
                .map(s -> HealthSample.Throttling.fromFlags(Long.parseLong(s, 16)))
                .orElse(HealthSample.Throttling.NONE);
    }

    Optional<String> defaultInterface() {
        return read(proc.resolve("net/route")).flatMap(s -> s.lines().skip(1)
                .map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length > 2 && "00000000".equals(f[1]))
                .map(f -> f[0]).findFirst());
    }

    /** {rx bytes, tx bytes} of {@code iface} from {@code /proc/net/dev}. */
    long[] netCounters(String iface) {
        return read(proc.resolve("net/dev")).flatMap(s -> s.lines()
                .filter(l -> l.trim().startsWith(iface + ":"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                .filter(f -> f.length >= 9)
                .map(f -> new long[] {Long.parseLong(f[0]), Long.parseLong(f[8])})
                .findFirst()).orElse(new long[] {0, 0});
    }

    private static String address(String iface) {
        try {
            NetworkInterface ni = NetworkInterface.getByName(iface);
            if (ni == null) return "";
            List<InetAddress> addrs = ni.inetAddresses().toList();
            return addrs.stream().filter(a -> a instanceof Inet4Address).findFirst()
                    .or(() -> addrs.stream().findFirst()).map(InetAddress::getHostAddress).orElse("");
        } catch (SocketException e) {
            return "";
        }
    }

    private long diskTotal() {
        return store().map(s -> {
            try {
                return s.getTotalSpace();
            } catch (IOException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    private long diskFree() {
        return store().map(s -> {
            try {
                return s.getUsableSpace();
            } catch (IOException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    private Optional<FileStore> store() {
        try {
            return Optional.of(Files.getFileStore(disk));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> vcgencmd() {
        try {
            Process p = new ProcessBuilder("vcgencmd", "get_throttled").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            log.debug("vcgencmd failed", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        return Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
