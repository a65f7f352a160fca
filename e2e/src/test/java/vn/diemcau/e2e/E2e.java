package vn.diemcau.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are: the repository, the child classpath, the output directory; free ports. */
final class E2e {
  /** The veth address of the test's private network namespace (tools/netns-jdk). */
  static final String ICE_ADDRESS = "10.99.0.1";

  private E2e() {}

  static Path root() {
    Path p = Path.of(System.getProperty("diemcau.root", "..")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(p.resolve("tools/janus/run-janus.sh"))) {
      throw new IllegalStateException("diemcau.root does not hold tools/janus/run-janus.sh: " + p);
    }
    return p;
  }

  static String classpath() {
    String cp = System.getProperty("diemcau.e2e.classpath", "");
    if (cp.isBlank() || cp.startsWith("${")) {
      throw new IllegalStateException("system property diemcau.e2e.classpath is not set (run through Maven failsafe)");
    }
    return cp;
  }

  static Path out() {
    return Path.of(System.getProperty("diemcau.e2e.out", "target")).toAbsolutePath();
  }

  /** A free TCP port on loopback (the namespace is private, so nobody else takes it meanwhile). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
