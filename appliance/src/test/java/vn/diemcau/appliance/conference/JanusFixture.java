package vn.diemcau.appliance.conference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Janus 1.1.2 started with {@code tools/janus/run-janus.sh} on a free loopback port,
 * inside the test JVM's private network namespace (ICE on {@link #ICE_ADDRESS}). Killed on
 * close and on JVM exit. Test code.
 */
public final class JanusFixture implements AutoCloseable {
    public static final String ICE_ADDRESS = "10.99.0.1";
    private final Path dir;
    private final List<String> rooms;
    private final int port;
    private Process process;
    private final Thread hook = new Thread(this::kill, "janus-fixture-hook");

    /** @param rooms room specs {@code ID[:DESCRIPTION[:PIN]]} */
    public JanusFixture(Path dir, String... rooms) {
        requireTestNetwork();
        this.dir = dir;
        this.rooms = List.of(rooms);
        this.port = freePort();
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Fails (in CI) or skips (elsewhere) unless this JVM runs in the test namespace with the veth address. */
    public static void requireTestNetwork() {
        boolean present = hasAddress(ICE_ADDRESS);
        boolean janus = Files.isExecutable(Path.of("/usr/bin/janus"));
        String why = "media ITs need janus and a network namespace with " + ICE_ADDRESS
                + " (run through tools/netns-jdk/bin/java); address present: " + present + ", janus: " + janus;
        if ("true".equals(System.getenv("CI"))) {
            if (!present || !janus) throw new IllegalStateException(why);
        } else {
            Assumptions.assumeTrue(present && janus, why);
        }
    }

    private static boolean hasAddress(String ip) {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && a.getHostAddress().equals(ip)) return true;
                }
            }
            return false;
        } catch (SocketException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    static Path script() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (; p != null; p = p.getParent()) {
            Path s = p.resolve("tools/janus/run-janus.sh");
            if (Files.isExecutable(s)) return s;
        }
        throw new IllegalStateException("tools/janus/run-janus.sh not found above " + System.getProperty("user.dir"));
    }

    /** Starts Janus (again, on the same port) and waits until {@code GET /janus/info} answers. */
    public synchronized JanusFixture start() {
        if (process != null && process.isAlive()) return this;
        List<String> cmd = new ArrayList<>(List.of(script().toString(), "--dir", dir.resolve("conf").toString(),
                "--port", Integer.toString(port), "--ice", ICE_ADDRESS, "--rec-dir", dir.resolve("rec").toString(),
                "--debug-level", System.getProperty("diemcau.janus.debug", "3")));
        rooms.forEach(r -> {
            cmd.add("--room");
            cmd.add(r);
        });
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("janus.log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start janus: " + cmd, e);
        }
        JanusHttp http = new JanusHttp(HttpClient.newHttpClient(), api(), Duration.ofSeconds(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                http.get("/info", Duration.ofSeconds(1));
                return this;
            } catch (JanusException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("janus did not start; see " + dir.resolve("janus.log"), e);
                }
                try {
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + port + "/janus");
    }

    public Path recordings() {
        return dir.resolve("rec");
    }

    /** SIGKILLs Janus (a crash) and waits for it to be gone. */
    public synchronized void kill() {
        if (process == null) return;
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Display names of the publishers in {@code room} (VideoRoom {@code listparticipants}). */
    public List<String> participants(long room) {
        JanusHttp http = new JanusHttp(HttpClient.newHttpClient(), api(), Duration.ofSeconds(3));
        try (JanusSession s = new JanusSession(http, Duration.ofSeconds(25), reason -> { })) {
            JanusHandle h = s.attach(JanusCall.PLUGIN, e -> { });
            ObjectNode req = JanusHttp.JSON.createObjectNode().put("request", "listparticipants").put("room", room);
            JsonNode data = h.request(req);
            List<String> names = new ArrayList<>();
            data.path("participants").forEach(p -> names.add(p.path("display").asText()));
            return names;
        }
    }

    public Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    @Override
    public void close() {
        kill();
        try {
            Path log = dir.resolve("janus.log");
            Path target = Path.of(System.getProperty("user.dir"), "target");
            if (Files.exists(log) && Files.isDirectory(target)) {
                Files.copy(log, target.resolve("janus-" + port + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // diagnostics only
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // JVM shutting down
        }
    }

    /** A small test-source media engine (320×180 at 15 fps) whose ICE candidates use {@link #ICE_ADDRESS}. */
    static vn.diemcau.appliance.media.MediaEngine smallEngine(int pattern, int toneHz) {
        vn.diemcau.appliance.media.MediaEngine m = new vn.diemcau.appliance.media.MediaEngine(
                vn.diemcau.appliance.media.MediaSettings.testSources(pattern, toneHz).withSize(320, 180, 15)
                        .withIceAddresses(java.util.List.of(ICE_ADDRESS)));
        m.start();
        return m;
    }

    /** Closes each non-null resource in order. */
    static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable c : resources) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
