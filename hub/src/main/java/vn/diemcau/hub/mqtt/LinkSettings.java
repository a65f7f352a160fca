package vn.diemcau.hub.mqtt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/** How the hub reaches its broker. {@code serverUri} is tcp://host:port or ssl://host:port. */
public record LinkSettings(String serverUri, String clientId, String username, String password, int keepAliveSeconds,
    List<Subscription> subscriptions, Optional<SSLSocketFactory> tls) {
  public LinkSettings {
    if (serverUri == null || !(serverUri.startsWith("tcp://") || serverUri.startsWith("ssl://"))) {
      throw new IllegalArgumentException("broker URL must start with tcp:// or ssl:// but was " + serverUri);
    }
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    subscriptions = List.copyOf(subscriptions);
    Objects.requireNonNull(tls, "tls");
  }

  @Override
  public String toString() {
    return "LinkSettings[" + serverUri + ", clientId=" + clientId + ", password=<redacted>]";
  }
}
