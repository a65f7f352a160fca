package vn.diemcau.appliance.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the box reaches the hub's MQTT broker.
 *
 * @param brokerUrl      {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param username       MQTT user name; the box id unless the hub says otherwise
 * @param password       MQTT password
 * @param caFile         PEM file with the CA certificate(s) to trust for {@code ssl://}; the JDK's trust store when empty
 * @param keepAlive      MQTT keep-alive (also bounds how fast the hub sees a dead box)
 * @param reconnectMin   first reconnect delay
 * @param reconnectMax   reconnect delay cap (exponential backoff with jitter in between)
 */
public record HubSettings(URI brokerUrl, String username, Secret password, Optional<Path> caFile,
                          Duration keepAlive, Duration reconnectMin, Duration reconnectMax) {
    public HubSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caFile, "caFile");
        String scheme = brokerUrl.getScheme();
        if (!"tcp".equals(scheme) && !"ssl".equals(scheme)) {
            throw new ConfigException("hub.brokerUrl", "scheme must be tcp or ssl, was " + brokerUrl);
        }
        if (brokerUrl.getHost() == null || brokerUrl.getPort() <= 0) {
            throw new ConfigException("hub.brokerUrl", "needs host and port, was " + brokerUrl);
        }
        if (username == null || username.isBlank()) throw new ConfigException("hub.username", "must not be blank");
        if (keepAlive.isNegative() || keepAlive.isZero()) throw new ConfigException("hub.keepAliveSeconds", "must be > 0");
        if (reconnectMin.isNegative() || reconnectMin.isZero()) throw new ConfigException("hub.reconnectMinMillis", "must be > 0");
        if (reconnectMax.compareTo(reconnectMin) < 0) throw new ConfigException("hub.reconnectMaxMillis", "must be >= hub.reconnectMinMillis");
    }

    public boolean tls() {
        return "ssl".equals(brokerUrl.getScheme());
    }
}
