package vn.diemcau.hub.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Mosquitto 2 on a free loopback port, configured as the hub expects an external
 * broker: no anonymous clients, the hub's exported password and {@code pattern} ACL files,
 * TCP_NODELAY. Missing binary: skipped locally, failure in CI.
 */
public final class Mosquitto implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

  private final Process process;
  public final int port;

  private Mosquitto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Mosquitto start(Path dir, Path passwordFile, Path aclFile) throws IOException {
    if (!Files.isExecutable(BINARY)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("mosquitto missing at " + BINARY + " (CI=true: install the mosquitto package)");
      }
      Assumptions.abort("mosquitto not installed");
    }
    int port = Ports.free();
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(conf, String.join("\n",
        "per_listener_settings false",
        "listener " + port + " 127.0.0.1",
        "allow_anonymous false",
        "password_file " + passwordFile,
        "acl_file " + aclFile,
        "set_tcp_nodelay true",
        "use_username_as_clientid true",
        "persistence false",
        "user root",
        "log_dest stdout",
        "log_type error",
        "log_type warning",
        "log_type notice",
        ""));
    Process p = new ProcessBuilder(BINARY.toString(), "-c", conf.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
    Mosquitto m = new Mosquitto(p, port);
    try {
      Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
        if (!p.isAlive()) {
          throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
        }
        try (Socket s = new Socket("127.0.0.1", port)) {
          return true;
        } catch (IOException e) {
          return false;
        }
      });
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
    return m;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  /** The shell command that makes this Mosquitto reload its password and ACL files. */
  public String reloadCommand() {
    return "kill -HUP " + process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
