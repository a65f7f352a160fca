package vn.diemcau.simulator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Mosquitto 2 broker in a child process on 127.0.0.1 and a free port, with {@code set_tcp_nodelay
 * true}, no persistence and anonymous access (tests and the benchmark only), optionally with a TLS
 * listener. Closing it kills the process.
 */
public final class MosquittoProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MosquittoProcess.class);
    private static final String BINARY = "/usr/sbin/mosquitto";

    private final Process process;
    private final int port;
    private final Optional<Tls> tls;

    /** The TLS listener: its port and the self-signed certificate (also the CA to trust, PEM). */
    public record Tls(int port, Path caFile) {
    }

    private MosquittoProcess(Process process, int port, Optional<Tls> tls) {
        this.process = process;
        this.port = port;
        this.tls = tls;
    }

    /** Whether the Debian {@code mosquitto} binary is installed. */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** Starts Mosquitto with its config and log in {@code dir}; waits until it accepts connections. */
    public static MosquittoProcess start(Path dir) {
        return start(dir, false);
    }

    /**
     * Like {@link #start(Path)} plus a TLS listener with a fresh self-signed certificate for
     * 127.0.0.1 and localhost (made with {@code openssl}, which must be installed).
     */
    public static MosquittoProcess startWithTls(Path dir) {
        return start(dir, true);
    }

    private static MosquittoProcess start(Path dir, boolean withTls) {
        try {
            int port = freePort();
            Optional<Tls> tls = withTls ? Optional.of(new Tls(freePort(), selfSigned(dir))) : Optional.empty();
            Path config = dir.resolve("mosquitto.conf");
            List<String> tlsLines = tls.map(t -> List.of(
                    "listener " + t.port() + " 127.0.0.1",
                    "certfile " + t.caFile(),
                    "keyfile " + dir.resolve("broker-key.pem"),
                    "user root")).orElse(List.of());
            Files.writeString(config, String.join("\n", tlsLines) + "\n" + String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "set_tcp_nodelay true",
                    "persistence false",
                    "max_queued_messages 100000",
                    "max_inflight_messages 0",
                    "log_dest stderr",
                    "log_type error",
                    "log_type warning",
                    ""));
            Process process = new ProcessBuilder(List.of(BINARY, "-c", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile())
                    .start();
            MosquittoProcess broker = new MosquittoProcess(process, port, tls);
            broker.awaitListening(Duration.ofSeconds(10));
            LOG.info("mosquitto pid {} listening on 127.0.0.1:{}", process.pid(), port);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto in " + dir, e);
        }
    }

    public int port() {
        return port;
    }

    /** The TLS listener, if started with {@link #startWithTls(Path)}. */
    public Optional<Tls> tls() {
        return tls;
    }

    private static Path selfSigned(Path dir) throws IOException {
        Path cert = dir.resolve("broker-cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", dir.resolve("broker-key.pem").toString(), "-out", cert.toString(), "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        try {
            if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IllegalStateException("openssl could not make a test certificate; see " + dir.resolve("openssl.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a test certificate", e);
        }
        return cert;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited at start with code " + process.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for mosquitto", e);
                }
            }
        }
        close();
        throw new IllegalStateException("mosquitto did not listen on port " + port + " within " + timeout);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
