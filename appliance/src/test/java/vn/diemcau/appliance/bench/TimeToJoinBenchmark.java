package vn.diemcau.appliance.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import vn.diemcau.appliance.call.ConferenceListener;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.conference.JanusConference;
import vn.diemcau.appliance.conference.JanusFixture;
import vn.diemcau.appliance.conference.JanusOptions;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.appliance.media.MediaSettings;

/**
 * Time-to-join, CPU and RSS of the appliance's media against a real Janus (a program, not a test).
 * Must run inside a private network namespace with veth0 = 10.99.0.1 (tools/janus/in-netns.sh);
 * see docs/benchmarks.md for the command. Prints figures.
 *
 * <ul>
 *   <li>box-side: {@code join()} → Janus reports media from the box ({@code joined(Duration)}), N joins;</li>
 *   <li>end to end: {@code join()} → first decoded frame of the box at a "centre" subscriber already in the room;</li>
 *   <li>CPU: this JVM while publishing 720p30 alone, against {@code gst-launch-1.0} running the same
 *       capture/encode pipeline without webrtcbin, same duration, same run (ratio);</li>
 *   <li>RSS of this JVM in the call.</li>
 * </ul>
 */
public final class TimeToJoinBenchmark {
    static final long ROOM = 1234;
    static final long IDLE_BETWEEN_JOINS_MS = 1500;

    public static void main(String[] args) throws Exception {
        int joins = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int cpuSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path dir = Files.createTempDirectory("ttj-bench");
        List<String> ice = List.of(JanusFixture.ICE_ADDRESS);
        MediaSettings boxSettings = MediaSettings.testSources(18, 440).withIceAddresses(ice);
        MediaSettings centreSettings = MediaSettings.testSources(0, 880).withSize(640, 360, 30).withIceAddresses(ice);
        JanusOptions noRejoin = JanusOptions.defaults().withRejoin(false, Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (JanusFixture janus = new JanusFixture(dir, ROOM + ":bench").start();
             MediaEngine boxMedia = new MediaEngine(boxSettings);
             MediaEngine centreMedia = new MediaEngine(centreSettings)) {
            boxMedia.start();
            centreMedia.start();
            waitFor("warm pipelines", Duration.ofSeconds(60), () -> boxMedia.warmReady() && centreMedia.warmReady());
            JoinRequest boxJoin = new JoinRequest(janus.api(), Long.toString(ROOM), "", "Xã Đo Đạc");
            JoinRequest centreJoin = new JoinRequest(janus.api(), Long.toString(ROOM), "", "Trung tâm đo");

            List<Long> boxSide = new ArrayList<>();
            List<Long> endToEnd = new ArrayList<>();
            try (JanusConference centre = new JanusConference(centreMedia, noRejoin.withPlayAll(true));
                 JanusConference box = new JanusConference(boxMedia, noRejoin.withCentrePrefix("Không ai"))) {
                Events centreEvents = new Events();
                centre.join(centreJoin, centreEvents);
                waitFor("centre joined", Duration.ofSeconds(15), () -> !centreEvents.joins.isEmpty());
                for (int i = 0; i <= joins; i++) {
                    Events ev = new Events();
                    long before = centre.mediaCall().orElseThrow().playback().videoFrames();
                    long t0 = System.nanoTime();
                    box.join(boxJoin, ev);
                    long firstFrame = 0;
                    while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(15)) {
                        if (!ev.failures.isEmpty()) throw new IllegalStateException("join failed: " + ev.failures);
                        if (firstFrame == 0 && centre.mediaCall().orElseThrow().playback().videoFrames() > before) {
                            firstFrame = System.nanoTime() - t0;
                        }
                        if (firstFrame != 0 && !ev.joins.isEmpty()) break;
                        Thread.sleep(2);
                    }
                    if (ev.joins.isEmpty() || firstFrame == 0) throw new IllegalStateException("join " + i + " timed out");
                    if (i > 0) { // the first join warms class loading and the JIT; not counted
                        boxSide.add(ev.joins.get(0).toMillis());
                        endToEnd.add(firstFrame / 1_000_000);
                    }
                    System.out.printf("join %2d: box-side %4d ms, end to end %4d ms%n", i, ev.joins.get(0).toMillis(),
                            firstFrame / 1_000_000);
                    box.leave();
                    waitFor("left", Duration.ofSeconds(10), () -> !ev.lefts.isEmpty());
                    waitFor("feed gone", Duration.ofSeconds(10), () -> janus.participants(ROOM).size() == 1);
                    Thread.sleep(IDLE_BETWEEN_JOINS_MS); // a box is idle between calls; its warm pipeline gets ready
                    if (!boxMedia.warmReady()) System.out.println("(warm pipeline not ready yet for the next join)");
                }
                centre.leave();
            }
            System.out.printf("time to join over %d joins: box-side p50 %d ms, p95 %d ms, max %d ms; end to end p50 %d ms, p95 %d ms, max %d ms%n",
                    joins, pct(boxSide, 50), pct(boxSide, 95), Collections.max(boxSide), pct(endToEnd, 50),
                    pct(endToEnd, 95), Collections.max(endToEnd));

            // CPU and RSS: the centre gone, the box alone in the room publishing 720p30, and
            // gst-launch-1.0 running the same capture/encode pipeline at the same time (same load).
            centreMedia.close();
            String launch = boxMedia.gstLaunchEquivalent();
            try (JanusConference box = new JanusConference(boxMedia, noRejoin)) {
                Events ev = new Events();
                box.join(boxJoin, ev);
                waitFor("box joined", Duration.ofSeconds(15), () -> !ev.joins.isEmpty());
                Path gstLog = Files.createTempFile("gst-launch", ".log");
                Process gst = startGstLaunch(launch, gstLog);
                try {
                    Thread.sleep(3000);
                    if (!gst.isAlive()) throw new IllegalStateException("gst-launch-1.0 exited: " + Files.readString(gstLog));
                    long cpu0 = processCpuNanos();
                    long gst0 = cpuTicks(gst.pid());
                    long frames0 = box.mediaCall().orElseThrow().encodedFrames();
                    long wall0 = System.nanoTime();
                    Thread.sleep(cpuSeconds * 1000L);
                    double jvmCpu = (processCpuNanos() - cpu0) / 1e9;
                    double gstCpu = (cpuTicks(gst.pid()) - gst0) / 100.0;
                    double wall = (System.nanoTime() - wall0) / 1e9;
                    double fps = (box.mediaCall().orElseThrow().encodedFrames() - frames0) / wall;
                    long rssKb = rssKb(Path.of("/proc/self/status"));
                    long gstRssKb = rssKb(Path.of("/proc/" + gst.pid() + "/status"));
                    System.out.printf("encoder %s, box encoded %.1f fps during the window%n",
                            box.mediaCall().orElseThrow().encoderName(), fps);
                    System.out.printf("JVM (box in call): %.2f CPU s over %.1f s (%.1f%% of one core), RSS %d MB%n",
                            jvmCpu, wall, 100 * jvmCpu / wall, rssKb / 1024);
                    System.out.printf("gst-launch-1.0 (same capture/encode, no webrtcbin), same window: %.2f CPU s (%.1f%% of one core), RSS %d MB%n",
                            gstCpu, 100 * gstCpu / wall, gstRssKb / 1024);
                    System.out.printf("CPU ratio JVM / gst-launch: %.2f%n", jvmCpu / gstCpu);
                } finally {
                    gst.destroy();
                    gst.waitFor(5, TimeUnit.SECONDS);
                    Files.deleteIfExists(gstLog);
                }
                box.leave();
                waitFor("left", Duration.ofSeconds(10), () -> !ev.lefts.isEmpty());
            }
        }
        System.exit(0);
    }

    static final class Events implements ConferenceListener {
        final List<Duration> joins = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final List<String> lefts = new CopyOnWriteArrayList<>();

        @Override
        public void joined(Duration timeToJoin) {
            joins.add(timeToJoin);
        }

        @Override
        public void failed(String reason, boolean retryable) {
            failures.add(reason);
        }

        @Override
        public void left() {
            lefts.add("left");
        }
    }

    static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(idx, sorted.size() - 1)));
    }

    static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long rssKb(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    static Process startGstLaunch(String launch, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("gst-launch-1.0", "-q"));
        cmd.addAll(splitLaunch(launch));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // Use the registry as it is: a rescan (another process rewrote it) would otherwise be
        // waited for, and its CPU is spent in gst-plugin-scanner, not in gst-launch.
        pb.environment().put("GST_REGISTRY_UPDATE", "no");
        return pb.start();
    }

    /** utime + stime of a process, in clock ticks (USER_HZ = 100). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Splits launch text into gst-launch arguments, keeping "quoted values" together (quotes removed). */
    static List<String> splitLaunch(String launch) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : launch.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!cur.isEmpty()) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) out.add(cur.toString());
        return out;
    }
}
