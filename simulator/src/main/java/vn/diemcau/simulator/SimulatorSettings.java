package vn.diemcau.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.diemcau.protocol.DeviceId;

/**
 * Everything a {@link Simulator} run needs. Build with {@link #builder(BrokerSettings, List)}.
 *
 * @param broker            where the boxes connect
 * @param boxes             the boxes to simulate (distinct ids)
 * @param telemetryInterval time between two telemetry messages of one box; each box starts at a
 *                          random offset within the first interval so the fleet does not publish in step
 * @param keepAlive         MQTT keepalive (whole seconds, 1–65535 s)
 * @param sessionExpiry     MQTT 5 session expiry; zero with {@code cleanStart} for throwaway sessions
 * @param cleanStart        MQTT clean start flag (boxes use {@code false}: queued commands survive a reconnect)
 * @param commandDelay      time a box "works" on a command between ACCEPTED and SUCCEEDED
 * @param connectRate       new connections per second while the fleet starts (protects the broker's accept queue)
 * @param faults            faults injected from the start, per box
 * @param stateDir          directory where event sequence numbers are kept between runs; empty: in memory only
 * @param softwareVersion   software version announced in the birth message
 * @param clock             the clock for message time stamps and command expiry
 */
public record SimulatorSettings(
        BrokerSettings broker,
        List<BoxIdentity> boxes,
        Duration telemetryInterval,
        Duration keepAlive,
        Duration sessionExpiry,
        boolean cleanStart,
        Duration commandDelay,
        int connectRate,
        Map<DeviceId, Set<Fault>> faults,
        Optional<Path> stateDir,
        String softwareVersion,
        Clock clock) {

    public SimulatorSettings {
        Objects.requireNonNull(broker, "broker");
        boxes = List.copyOf(boxes);
        Objects.requireNonNull(telemetryInterval, "telemetryInterval");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        Objects.requireNonNull(commandDelay, "commandDelay");
        faults = Map.copyOf(faults);
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(clock, "clock");
        if (telemetryInterval.toMillis() < 100) {
            throw new IllegalArgumentException("telemetry interval under 100 ms: " + telemetryInterval);
        }
        if (keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > 65_535) {
            throw new IllegalArgumentException("keepalive must be 1–65535 s: " + keepAlive);
        }
        if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 4_294_967_295L) {
            throw new IllegalArgumentException("session expiry out of range: " + sessionExpiry);
        }
        if (commandDelay.isNegative()) {
            throw new IllegalArgumentException("command delay is negative: " + commandDelay);
        }
        if (connectRate < 1) {
            throw new IllegalArgumentException("connect rate must be ≥ 1 per second: " + connectRate);
        }
        Set<DeviceId> seen = new HashSet<>();
        for (BoxIdentity box : boxes) {
            if (!seen.add(box.id())) {
                throw new IllegalArgumentException("box id listed twice: " + box.id().value());
            }
        }
        for (DeviceId id : faults.keySet()) {
            if (!seen.contains(id)) {
                throw new IllegalArgumentException("fault for a box that is not simulated: " + id.value());
            }
        }
    }

    public static Builder builder(BrokerSettings broker, List<BoxIdentity> boxes) {
        return new Builder(broker, boxes);
    }

    /** Defaults: telemetry 10 s, keepalive 30 s, session 1 h, clean start off, command 20 ms, 500 connects/s. */
    public static final class Builder {
        private final BrokerSettings broker;
        private final List<BoxIdentity> boxes;
        private Duration telemetryInterval = Duration.ofSeconds(10);
        private Duration keepAlive = Duration.ofSeconds(30);
        private Duration sessionExpiry = Duration.ofHours(1);
        private boolean cleanStart;
        private Duration commandDelay = Duration.ofMillis(20);
        private int connectRate = 500;
        private Map<DeviceId, Set<Fault>> faults = Map.of();
        private Optional<Path> stateDir = Optional.empty();
        private String softwareVersion = "0.1.0-sim";
        private Clock clock = Clock.systemUTC();

        private Builder(BrokerSettings broker, List<BoxIdentity> boxes) {
            this.broker = broker;
            this.boxes = boxes;
        }

        public Builder telemetryInterval(Duration value) { telemetryInterval = value; return this; }
        public Builder keepAlive(Duration value) { keepAlive = value; return this; }
        public Builder sessionExpiry(Duration value) { sessionExpiry = value; return this; }
        public Builder cleanStart(boolean value) { cleanStart = value; return this; }
        public Builder commandDelay(Duration value) { commandDelay = value; return this; }
        public Builder connectRate(int value) { connectRate = value; return this; }
        public Builder faults(Map<DeviceId, Set<Fault>> value) { faults = value; return this; }
        public Builder stateDir(Path value) { stateDir = Optional.of(value); return this; }
        public Builder softwareVersion(String value) { softwareVersion = value; return this; }
        public Builder clock(Clock value) { clock = value; return this; }

        public SimulatorSettings build() {
            return new SimulatorSettings(broker, boxes, telemetryInterval, keepAlive, sessionExpiry, cleanStart,
                    commandDelay, connectRate, faults, stateDir, softwareVersion, clock);
        }
    }
}
