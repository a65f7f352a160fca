package vn.diemcau.appliance;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Mosquitto 2 from Debian on a free loopback port, with a password file and a {@code pattern} ACL,
 * and persistence so sessions and queued messages survive {@link #stop()}/{@link #start()}.
 * A missing {@code mosquitto} fails under {@code CI=true} and skips otherwise.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private Process process;

    private final int tlsPort;

    public MosquittoBroker(Path dir, Map<String, String> users, String acl) throws IOException, InterruptedException {
        this(dir, users, acl, java.util.Optional.empty());
    }

    /** TLS server material for an extra {@code ssl://} listener (PEM files). */
    public record Tls(Path caFile, Path certFile, Path keyFile) {
    }

    public MosquittoBroker(Path dir, Map<String, String> users, String acl, java.util.Optional<Tls> tls)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(BINARY + " is missing (install Debian package mosquitto)");
            assumeThat(Files.isExecutable(BINARY)).as("mosquitto installed").isTrue();
        }
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             ServerSocket t = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
            this.tlsPort = tls.isPresent() ? t.getLocalPort() : -1;
        }
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "");
        for (Map.Entry<String, String> u : users.entrySet()) {
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwd.toString(), u.getKey(), u.getValue())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException("mosquitto_passwd failed: " + out);
        }
        Files.writeString(dir.resolve("acl"), acl);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", List.of(
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + passwd,
                "acl_file " + dir.resolve("acl"),
                "set_tcp_nodelay true",
                "persistence true",
                "persistence_location " + dir.resolve("data") + "/",
                "autosave_interval 1",
                "log_dest stdout",
                "log_type all",
                "user root",
                tls.map(x -> String.join("\n", "listener " + tlsPort + " 127.0.0.1", "cafile " + x.caFile(),
                        "certfile " + x.certFile(), "keyfile " + x.keyFile())).orElse(""),
                "")));
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The TLS listener, when built with {@link Tls}. */
    public String tlsUrl() {
        if (tlsPort < 0) throw new IllegalStateException("no TLS listener");
        return "ssl://127.0.0.1:" + tlsPort;
    }

    /** Starts mosquitto and waits until it accepts connections. */
    public synchronized MosquittoBroker start() {
        if (process != null && process.isAlive()) return this;
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await("mosquitto listening on " + port).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(this::accepting);
        return this;
    }

    /** Stops mosquitto with SIGTERM (it saves its persistence file) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The broker's log so far, for assertion messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private boolean accepting() {
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ":\n" + log());
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

}
