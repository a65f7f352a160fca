package vn.diemcau.hub.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedded broker's listeners and folders. {@code tlsPort} 0 disables the TLS listener.
 * The keystore (PKCS12) is generated self-signed when missing.
 */
public record EmbeddedBrokerSettings(String bindAddress, int tcpPort, int tlsPort, Path keystore,
    String keystorePassword, Path workDir) {
  public EmbeddedBrokerSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (tcpPort < 1 || tcpPort > 65535) {
      throw new IllegalArgumentException("broker.port must be 1-65535 but was " + tcpPort);
    }
    if (tlsPort < 0 || tlsPort > 65535) {
      throw new IllegalArgumentException("broker.tls.port must be 0-65535 but was " + tlsPort);
    }
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(keystorePassword, "keystorePassword");
    Objects.requireNonNull(workDir, "workDir");
  }

  @Override
  public String toString() {
    return "EmbeddedBrokerSettings[" + bindAddress + ":" + tcpPort + ", tls " + tlsPort + ", keystore " + keystore + "]";
  }
}
