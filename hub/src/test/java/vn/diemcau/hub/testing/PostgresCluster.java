package vn.diemcau.hub.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import vn.diemcau.hub.storage.Database;

/**
 * A throwaway PostgreSQL 15 cluster (Debian's binaries, run as user postgres via
 * {@code runuser}) on a free port of 127.0.0.1, with its socket in the cluster's directory.
 * Missing binaries skip the test locally and fail it in CI ({@code CI=true}).
 */
public final class PostgresCluster implements AutoCloseable {
  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path dir;
  private final int port;

  private PostgresCluster(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  public static PostgresCluster start() throws IOException, InterruptedException {
    boolean present = Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(Path.of("/usr/sbin/runuser"));
    if (!present) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("PostgreSQL 15 binaries missing under " + BIN + " (CI=true: install postgresql-15)");
      }
      Assumptions.abort("PostgreSQL 15 not installed under " + BIN);
    }
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "diemcau-pg-");
    run(Duration.ofSeconds(20), "chown", "postgres:postgres", dir.toString());
    run(Duration.ofSeconds(60), "runuser", "-u", "postgres", "--", BIN.resolve("initdb").toString(), "-D",
        dir.resolve("data").toString(), "-A", "trust", "-U", "diemcau", "--no-sync", "-E", "UTF8");
    int port = freePort();
    run(Duration.ofSeconds(60), "runuser", "-u", "postgres", "--", BIN.resolve("pg_ctl").toString(), "-D",
        dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    return new PostgresCluster(dir, port);
  }

  /** A fresh, empty database in this cluster. */
  public Database.Location.Postgres newDatabase() throws SQLException {
    String name = "t" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"), "diemcau", "")) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return new Database.Location.Postgres(url(name), "diemcau", "");
  }

  private String url(String db) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      run(Duration.ofSeconds(60), "runuser", "-u", "postgres", "--", BIN.resolve("pg_ctl").toString(), "-D",
          dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void run(Duration timeout, String... cmd) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(cmd));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    String out = new String(p.getInputStream().readAllBytes());
    if (p.exitValue() != 0) {
      throw new IOException("failed (" + p.exitValue() + "): " + command + "\n" + out);
    }
  }
}
