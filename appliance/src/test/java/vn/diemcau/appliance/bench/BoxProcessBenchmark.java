package vn.diemcau.appliance.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import vn.diemcau.appliance.ApplianceProcess;
import vn.diemcau.appliance.MosquittoBroker;
import vn.diemcau.appliance.admin.AdminStateFixture;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.conference.JanusConference;
import vn.diemcau.appliance.conference.JanusFixture;
import vn.diemcau.appliance.conference.JanusOptions;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.appliance.media.MediaSettings;
import vn.diemcau.protocol.TopicPermissions;

/**
 * The box as its own process in a call (a program, not a test): the real appliance {@code Main}
 * with the launcher's JVM flags (plus {@code extra JVM flags} and {@code MALLOC_ARENA_MAX} from the
 * arguments), a Janus conference from its config (test camera and tone, 1280×720 at 30 fps,
 * 1.5 Mbit/s, fake sinks), a Mosquitto hub link, the local admin page. Must run inside a private
 * network namespace with veth0 = 10.99.0.1 ({@code tools/janus/in-netns.sh}).
 *
 * <ol>
 *   <li>the box joins its default session (dev console "short") and is alone in the room,
 *       publishing; {@code gst-launch-1.0} runs the same capture/encode pipeline at the same time;
 *       CPU of both over the same window (utime + stime from /proc), the ratio, the box's RSS and
 *       both processes' busiest threads; then again against the same pipeline plus SRTP and a
 *       UDP send ({@link #withTransport}), the part of webrtcbin's work gst-launch can do alone;</li>
 *   <li>a centre (in this JVM) joins; the box plays it (decode + speaker); RSS and CPU again.</li>
 * </ol>
 * Arguments: {@code window-seconds [MALLOC_ARENA_MAX|-] [extra JVM flags...]}. System properties:
 * {@code -Dbench.quick=true} stops after the first window (to screen flags one at a time);
 * {@code -Dbench.admin=false} runs the box without its local admin page (to see what the page costs);
 * {@code -Dbench.perf=true} records both processes with {@code perf record -g} during each window
 * ({@code =dwarf}: DWARF call graphs, for libraries built without frame pointers);
 * {@code -Dbench.boxEnv=K=V;K2=V2} adds environment variables to the box (diagnostics, e.g. {@code GST_DEBUG});
 * {@code -Dbench.windows=N} measures the encode-only ratio over N successive windows (a fresh gst-launch each).
 */
public final class BoxProcessBenchmark {
    static final long ROOM = 1234;

    public static void main(String[] args) throws Exception {
        int window = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String arenas = args.length > 1 ? args[1] : "-";
        List<String> extraFlags = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();
        Path dir = Files.createTempDirectory("box-bench");
        Files.createDirectories(dir.resolve("broker"));
        MediaSettings same = MediaSettings.testSources(18, 440).withKeepWarm(false).withIceAddresses(List.of(JanusFixture.ICE_ADDRESS));
        try (JanusFixture janus = new JanusFixture(dir, ROOM + ":bench").start();
             MosquittoBroker broker = new MosquittoBroker(dir.resolve("broker"), Map.of("bench-box", "pw", "_hub", "hubpw"),
                     TopicPermissions.mosquittoAcl()).start();
             MediaEngine reference = new MediaEngine(same)) {
            reference.start();
            Path config = dir.resolve("appliance.json");
            Files.writeString(config, config(broker.url(), janus.api().toString()));
            // As a box in service: its admin page certificate made and first run done (no setup code on the TV).
            AdminStateFixture.firstRunDone(dir.resolve("state"), "kythuat-vien-2026");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(ApplianceProcess.JVM_FLAGS);
            cmd.addAll(extraFlags);
            cmd.addAll(List.of("-cp", childClasspath(), "vn.diemcau.appliance.Main", "--config", config.toString(),
                    "--state-dir", dir.resolve("state").toString(), "--dev-console"));
            Path log = dir.resolve("box.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            if (!arenas.equals("-")) pb.environment().put("MALLOC_ARENA_MAX", arenas);
            for (String kv : System.getProperty("bench.boxEnv", "").split(";")) {
                if (kv.contains("=")) pb.environment().put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            System.out.println("box: " + String.join(" ", cmd.subList(0, cmd.indexOf("-cp")))
                    + (arenas.equals("-") ? "" : " (MALLOC_ARENA_MAX=" + arenas + ")"));
            Process box = pb.start();
            try {
                waitFor(box, log, "Warm call pipeline ready", Duration.ofSeconds(90));
                waitFor(box, log, " ready in ", Duration.ofSeconds(60));
                System.out.printf("box idle (warm pipeline, hub connected): RSS %d MB%n", rssKb(box.pid(), "VmRSS") / 1024);
                type(box, "short");
                waitFor(box, log, "time to join", Duration.ofSeconds(30));
                System.out.println("box in call: " + grep(log, "time to join"));
                Thread.sleep(3000);

                String plain = reference.gstLaunchEquivalent();
                int windows = Integer.getInteger("bench.windows", 1);
                for (int i = 1; i <= windows; i++) {
                    if (windows > 1) System.out.printf("window %d of %d (%s UTC, load %s)%n", i, windows,
                            java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0), loadAverage());
                    cpuWindow(box, plain, "gst-launch (capture/encode/pay, no transport)", window, dir, extraFlags);
                }
                if (!Boolean.getBoolean("bench.quick")) centre(box, log, janus, plain, window, dir);
            } finally {
                memory(box.pid());
                box.destroy();
                if (!box.waitFor(20, TimeUnit.SECONDS)) box.destroyForcibly();
                System.out.println("box log: " + log);
            }
        }
        System.exit(0);
    }

    /** Again with SRTP + UDP in the reference; then a centre joins and the box plays it. */
    private static void centre(Process box, Path log, JanusFixture janus, String plain, int window, Path dir) throws Exception {
        cpuWindow(box, withTransport(plain), "gst-launch + SRTP + UDP send (webrtcbin's send path without RTCP/DTLS/ICE)",
                window, dir, List.of());

        MediaEngine centreMedia = new MediaEngine(MediaSettings.testSources(0, 880).withSize(640, 360, 30).withKeepWarm(false)
                .withIceAddresses(List.of(JanusFixture.ICE_ADDRESS)));
        centreMedia.start();
        try (centreMedia;
             JanusConference centre = new JanusConference(centreMedia, JanusOptions.defaults().withPlayAll(false)
                     .withCentrePrefix("Không ai").withRejoin(false, Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
            TimeToJoinBenchmark.Events ev = new TimeToJoinBenchmark.Events();
            centre.join(new JoinRequest(janus.api(), Long.toString(ROOM), "", "Trung tâm đo"), ev);
            TimeToJoinBenchmark.waitFor("centre joined", Duration.ofSeconds(20), () -> !ev.joins.isEmpty());
            waitFor(box, log, "playing H264 stream", Duration.ofSeconds(20));
            Thread.sleep(3000);
            long box0 = TimeToJoinBenchmark.cpuTicks(box.pid());
            long t0 = System.nanoTime();
            Thread.sleep(window * 1000L);
            double wall = (System.nanoTime() - t0) / 1e9;
            double boxCpu = (TimeToJoinBenchmark.cpuTicks(box.pid()) - box0) / 100.0;
            System.out.printf("publishing and playing the centre (640x360 H.264 + Opus): box %.2f CPU s over %.1f s (%.1f%%), RSS %d MB%n",
                    boxCpu, wall, 100 * boxCpu / wall, rssKb(box.pid(), "VmRSS") / 1024);
            centre.leave();
        }
    }

    /** CPU of the box and of {@code gst-launch-1.0 launch} over the same window; RSS; busiest threads. */
    private static void cpuWindow(Process box, String launch, String what, int window, Path dir, List<String> extraFlags)
            throws Exception {
        Path gstLog = dir.resolve("gst.log");
        Process gst = TimeToJoinBenchmark.startGstLaunch(launch, gstLog);
        try {
            Thread.sleep(3000);
            if (!gst.isAlive()) throw new IllegalStateException("gst-launch-1.0 exited: " + Files.readString(gstLog));
            Map<String, Long> threads0 = threadTicks(box.pid());
            Map<String, Long> gstThreads0 = threadTicks(gst.pid());
            long box0 = TimeToJoinBenchmark.cpuTicks(box.pid());
            long gst0 = TimeToJoinBenchmark.cpuTicks(gst.pid());
            long t0 = System.nanoTime();
            List<Process> perf = !System.getProperty("bench.perf", "false").equals("false")
                    ? List.of(perf(box.pid(), dir.resolve("perf-box.data"), window), perf(gst.pid(), dir.resolve("perf-gst.data"), window))
                    : List.of();
            Thread.sleep(window * 1000L);
            double wall = (System.nanoTime() - t0) / 1e9;
            for (Process p : perf) p.waitFor(30, TimeUnit.SECONDS);
            double boxCpu = (TimeToJoinBenchmark.cpuTicks(box.pid()) - box0) / 100.0;
            double gstCpu = (TimeToJoinBenchmark.cpuTicks(gst.pid()) - gst0) / 100.0;
            Map<String, Long> threads1 = threadTicks(box.pid());
            Map<String, Long> gstThreads1 = threadTicks(gst.pid());
            System.out.printf("alone in the call, %.1f s window: box %.2f CPU s (%.1f%% of one core), %s %.2f CPU s (%.1f%%), ratio %.2f%n",
                    wall, boxCpu, 100 * boxCpu / wall, what, gstCpu, 100 * gstCpu / wall, boxCpu / gstCpu);
            System.out.printf("RSS: box %d MB (anon %d MB, file %d MB), gst-launch %d MB%n", rssKb(box.pid(), "VmRSS") / 1024,
                    rssKb(box.pid(), "RssAnon") / 1024, rssKb(box.pid(), "RssFile") / 1024, rssKb(gst.pid(), "VmRSS") / 1024);
            System.out.println("  box threads by CPU (ticks of 10 ms, grouped by name): " + busiest(threads0, threads1));
            System.out.println("  gst-launch threads by CPU: " + busiest(gstThreads0, gstThreads1));
            if (extraFlags.stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) nativeMemory(box.pid());
        } finally {
            gst.destroy();
            gst.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** {@code perf record} of one process for the window (with {@code -Dbench.perf=true}; the files stay in the temp dir). */
    private static Process perf(long pid, Path out, int seconds) throws IOException {
        System.out.println("  perf record of " + pid + " -> " + out);
        List<String> graph = System.getProperty("bench.perf").equals("dwarf") ? List.of("-F", "499", "--call-graph", "dwarf,16384")
                : List.of("-F", "997", "-g");
        List<String> cmd = new ArrayList<>(List.of("perf", "record", "-q"));
        cmd.addAll(graph);
        cmd.addAll(List.of("-o", out.toString(), "-p", Long.toString(pid), "--", "sleep", Integer.toString(seconds)));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * The reference with the box's send path as far as gst-launch can go: each RTP stream SRTP-
     * encrypted ({@code srtpenc}, AES-128-CM/HMAC-SHA1-80 as DTLS-SRTP negotiates with Janus) and
     * sent over UDP to a loopback port nobody reads (inside the benchmark's private namespace).
     */
    static String withTransport(String launch) {
        String key = "00112233445566778899aabbccddeeff00112233445566778899aabbccdd";
        String out = launch;
        int port = 40000;
        for (String rate : new String[] {"clock-rate=90000", "clock-rate=48000"}) {
            String plain = rate + " ! fakesink sync=false";
            if (!out.contains(plain)) throw new IllegalStateException("unexpected reference pipeline: " + launch);
            out = out.replace(plain, rate + " ! srtpenc key=" + key + " ! udpsink host=127.0.0.1 port=" + port++ + " sync=false async=false");
        }
        return out;
    }

    /** Where the box's resident memory is at the end: /proc/PID/smaps_rollup and the largest mappings by kind. */
    private static void memory(long pid) throws IOException {
        Map<String, Long> rollup = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            String[] f = line.split("\\s+");
            if (f.length == 3 && f[2].equals("kB")) rollup.put(f[0].replace(":", ""), Long.parseLong(f[1]));
        }
        Map<String, Long> byKind = new HashMap<>();
        String kind = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] f = line.trim().split("\\s+", 6);
                String name = f.length > 5 ? f[5] : "";
                kind = name.isEmpty() ? "anonymous" : name.startsWith("[") ? name : Path.of(name).getFileName().toString()
                        .replaceAll("\\.so.*", ".so").replaceAll("^orcexec.*", "orc").replaceAll("^jna.*", "jna");
            } else if (line.startsWith("Rss:")) {
                byKind.merge(kind, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
            }
        }
        System.out.printf("box memory at the end: RSS %d MB, Pss %d MB, anonymous %d MB (of it transparent huge pages %d MB), private dirty %d MB%n",
                rollup.getOrDefault("Rss", 0L) / 1024, rollup.getOrDefault("Pss", 0L) / 1024, rollup.getOrDefault("Anonymous", 0L) / 1024,
                rollup.getOrDefault("AnonHugePages", 0L) / 1024, rollup.getOrDefault("Private_Dirty", 0L) / 1024);
        System.out.println("  resident by mapping (MB): " + byKind.entrySet().stream().filter(e -> e.getValue() >= 512)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(16)
                .map(e -> e.getKey() + "=" + String.format("%.1f", e.getValue() / 1024.0)).collect(Collectors.joining(", ")));
    }

    /** The JVM's own accounting (committed KB by category), when the box runs with NMT. */
    private static void nativeMemory(long pid) throws Exception {
        Process j = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                "VM.native_memory", "summary").redirectErrorStream(true).start();
        String out = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        j.waitFor(30, TimeUnit.SECONDS);
        StringBuilder sb = new StringBuilder("JVM native memory (committed):");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^-?\\s*(Total|[A-Z][A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB")
                .matcher(out);
        while (m.find()) {
            long kb = Long.parseLong(m.group(2));
            if (kb >= 1024) sb.append(' ').append(m.group(1).strip()).append('=').append(kb / 1024).append("MB");
        }
        System.out.println(sb);
        Process h = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                "GC.class_histogram").redirectErrorStream(true).start();
        List<String> lines = new String(h.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        h.waitFor(30, TimeUnit.SECONDS);
        System.out.println("  live heap after a full GC: " + lines.stream().filter(l -> l.startsWith("Total")).findFirst().orElse("?")
                + "; largest: " + lines.stream().filter(l -> l.matches("\\s*[0-9]+:.*")).limit(6)
                .map(l -> l.trim().replaceAll("\\s+", " ")).collect(Collectors.joining(" | ")));
    }

    private static String config(String brokerUrl, String janusApi) {
        return """
                {
                  "boxId": "bench-box",
                  "displayName": "Xã Đo Đạc",
                  "devMode": true,
                  "telemetryIntervalSeconds": 10,
                  "hub": {"brokerUrl": "%s", "password": "pw"},
                  "conference": {"kind": "janus", "defaultSession": {"server": "%s", "room": "%d"}},
                  "hardware": {"profile": "virtual"},
                  "media": {"videoSource": "test", "audioSource": "test", "testPattern": 18, "testToneHz": 440,
                            "videoSink": "fake", "audioSink": "fake", "iceAddresses": ["%s"],
                            "video": {"width": 1280, "height": 720, "fps": 30, "bitrateKbps": 1500}},
                  "admin": {"enabled": %s, "bindAddresses": ["127.0.0.1"], "httpsPort": 0, "httpPort": -1}
                }
                """.formatted(brokerUrl, janusApi, ROOM, JanusFixture.ICE_ADDRESS,
                Boolean.parseBoolean(System.getProperty("bench.admin", "true")));
    }

    /**
     * The box's class path: {@code -Dbox.classpath} (e.g. the packaged jars, which an AOT cache
     * needs), else this JVM's class path without test classes (the box runs its own logback.xml).
     */
    private static String childClasspath() {
        String given = System.getProperty("box.classpath", "");
        if (!given.isBlank()) return given;
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
    }

    private static void type(Process p, String line) throws IOException {
        OutputStream in = p.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static void waitFor(Process p, Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log).contains(text)) {
            if (!p.isAlive()) throw new IllegalStateException("box exited; log:\n" + Files.readString(log));
            if (System.nanoTime() > deadline) throw new IllegalStateException("box never printed '" + text + "'; log:\n" + Files.readString(log));
            Thread.sleep(20);
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static String grep(Path log, String text) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(text)).findFirst().orElse("").strip();
    }

    static long rssKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    /** utime + stime per thread (by thread id, with its name). */
    private static Map<String, Long> threadTicks(long pid) throws IOException {
        Map<String, Long> out = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(t.getFileName() + "/" + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return out;
    }

    /** CPU ticks in the window per thread name (numbers stripped, so "C1 CompilerThre" and "queue0:src" group). */
    private static String busiest(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> byName = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            String name = k.substring(k.indexOf('/') + 1).replaceAll("[0-9]+", "#");
            byName.merge(name, d, Long::sum);
        });
        return byName.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(14).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
