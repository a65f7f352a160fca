package vn.diemcau.appliance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.TopicPermissions;

/**
 * Benchmark (a program, not a test): starts the appliance as a child JVM with the launcher's flags
 * against Mosquitto on loopback, and prints the time from process start to its ONLINE status at
 * the hub-side subscriber, and its RSS after 10 s idle. Target: ≤ 3 s and ≤ 150 MB.
 *
 * <pre>appliance/bench/startup.sh [runs]</pre>
 */
public final class ApplianceStartBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        DeviceId box = DeviceId.of("bench-01");
        Path dir = Files.createTempDirectory("diemcau-bench");
        Files.createDirectories(dir.resolve("broker"));
        List<Long> startMs = new ArrayList<>();
        List<Long> rssMb = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        try (MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), Map.of(box.value(), "pw", "_hub", "hubpw"),
                TopicPermissions.mosquittoAcl()).start();
             HubClient hub = new HubClient(broker.url(), "hubpw")) {
            Path config = dir.resolve("appliance.json");
            Files.writeString(config, ApplianceConfigs.devJson(box.value(), broker.url(), "pw").replace("\"telemetryIntervalSeconds\": 2", "\"telemetryIntervalSeconds\": 10"));
            for (int i = 1; i <= runs; i++) {
                long before = online(hub, box);
                try (ApplianceProcess p = new ApplianceProcess(config, dir.resolve("state"))) {
                    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                            .until(() -> online(hub, box) > before || !p.isAlive());
                    long ms = (System.nanoTime() - p.startedNanos()) / 1_000_000;
                    long cpuMs = cpuMs(p.pid());
                    Awaitility.await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
                    long rss = rssKb(p.pid()) / 1024;
                    startMs.add(ms);
                    cpu.add(cpuMs);
                    rssMb.add(rss);
                    System.out.printf("run %d: start -> online %d ms (%d ms CPU), idle RSS %d MB, load %.1f%n", i, ms, cpuMs, rss, load());
                    p.stop();
                }
            }
        }
        System.out.printf("median over %d runs: start -> online %d ms (target <= 3000), %d ms CPU, idle RSS %d MB (target <= 150)%n",
                runs, median(startMs), median(cpu), median(rssMb));
        System.out.printf("JVM %s, flags %s, %d CPUs%n", Runtime.version(), ApplianceProcess.JVM_FLAGS, Runtime.getRuntime().availableProcessors());
    }

    private static long online(HubClient hub, DeviceId box) {
        return hub.decoded(box, Channel.STATUS, Status.class).stream().filter(s -> s.presence() == Presence.ONLINE).count();
    }

    private static long rssKb(long pid) throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }

    /** user + system CPU time of a process so far (clock ticks of 10 ms). */
    private static long cpuMs(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    private static double load() throws java.io.IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(Comparator.naturalOrder());
        return s.get(s.size() / 2);
    }
}
