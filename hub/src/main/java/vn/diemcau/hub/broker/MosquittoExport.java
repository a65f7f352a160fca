package vn.diemcau.hub.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import vn.diemcau.hub.registry.BoxRegistry;
import vn.diemcau.protocol.TopicPermissions;
import vn.diemcau.protocol.Topics;

/**
 * Writes the files an external Mosquitto 2 needs: a password file (copied {@code $7$} hashes of
 * every enabled box plus the hub user) and the protocol's {@code pattern} ACL file. Writes are
 * atomic; send Mosquitto SIGHUP afterwards to reload.
 */
public final class MosquittoExport {
  private MosquittoExport() {}

  public static String passwordFile(BoxRegistry registry, String hubPasswordHash) {
    StringBuilder sb = new StringBuilder();
    sb.append(Topics.HUB_USERNAME).append(':').append(hubPasswordHash).append('\n');
    for (Map.Entry<String, String> e : registry.enabledPasswordHashes().entrySet()) {
      sb.append(e.getKey()).append(':').append(e.getValue()).append('\n');
    }
    return sb.toString();
  }

  public static String aclFile() {
    return TopicPermissions.mosquittoAcl();
  }

  /** Writes {@code passwords} and {@code acl} (mode 0600 where the file system allows). */
  public static void write(BoxRegistry registry, String hubPasswordHash, Path passwords, Path acl) throws IOException {
    Files.createDirectories(passwords.toAbsolutePath().getParent());
    Files.createDirectories(acl.toAbsolutePath().getParent());
    EmbeddedBroker.writeAtomically(passwords, passwordFile(registry, hubPasswordHash));
    EmbeddedBroker.writeAtomically(acl, aclFile());
    try {
      Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }
}
