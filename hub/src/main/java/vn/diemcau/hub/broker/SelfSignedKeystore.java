package vn.diemcau.hub.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Generates a self-signed PKCS12 keystore with the JDK's keytool, for local use. */
public final class SelfSignedKeystore {
  private static final Logger LOG = LoggerFactory.getLogger(SelfSignedKeystore.class);

  private SelfSignedKeystore() {}

  /** Creates {@code file} (alias "hub", EC P-256, 10 years) unless it exists. */
  public static void ensure(Path file, String password, String hostname) throws IOException, InterruptedException {
    if (Files.exists(file)) {
      return;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    List<String> cmd = List.of(keytool.toString(), "-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname",
        "secp256r1", "-validity", "3650", "-dname", "CN=" + hostname + ", O=diemcau", "-ext",
        "SAN=dns:" + hostname + ",dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", tmp.toString(),
        "-storepass", password, "-keypass", password);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed to create " + file + ": " + out.strip());
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    LOG.info("Generated a self-signed TLS keystore {} for {}", file, hostname);
  }
}
