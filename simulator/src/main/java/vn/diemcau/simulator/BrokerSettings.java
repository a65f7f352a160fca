package vn.diemcau.simulator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the simulated boxes connect.
 *
 * @param host            broker host name or address
 * @param port            broker TCP port (1–65535)
 * @param tls             whether to use TLS
 * @param caFile          PEM file with the CA certificate(s) to trust; empty: the JDK's trust store
 * @param verifyHostname  whether TLS checks the broker's host name against its certificate
 */
public record BrokerSettings(String host, int port, boolean tls, Optional<Path> caFile, boolean verifyHostname) {

    public BrokerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(caFile, "caFile");
        if (host.isBlank()) {
            throw new IllegalArgumentException("broker host is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("broker port out of range: " + port);
        }
        if (caFile.isPresent() && !tls) {
            throw new IllegalArgumentException("a CA file was given without TLS: " + caFile.get());
        }
    }

    /** Plain TCP to {@code host:port}. */
    public static BrokerSettings tcp(String host, int port) {
        return new BrokerSettings(host, port, false, Optional.empty(), true);
    }

    /** TLS to {@code host:port}, trusting the CA certificates in {@code caFile}. */
    public static BrokerSettings tls(String host, int port, Path caFile) {
        return new BrokerSettings(host, port, true, Optional.of(caFile), true);
    }

    @Override
    public String toString() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }
}
