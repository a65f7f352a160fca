package vn.diemcau.appliance.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of the box's health.
 *
 * @param at                when it was taken
 * @param cpuLoad1m         1-minute load average
 * @param cpuPercent        CPU busy since the previous reading, 0–100 (all cores)
 * @param cpuTemperatureC   hottest thermal zone, when the board has one
 * @param cpuFrequencyKhz   current frequency of CPU 0, when cpufreq is present
 * @param memTotalBytes     {@code MemTotal}
 * @param memAvailableBytes {@code MemAvailable}
 * @param diskTotalBytes    size of the file system holding the state directory
 * @param diskFreeBytes     usable space on it
 * @param uptimeSeconds     since boot
 * @param throttling        Raspberry Pi firmware flags (all false elsewhere)
 * @param network           the default-route interface and its counters
 */
public record HealthSample(Instant at, double cpuLoad1m, double cpuPercent, Optional<Double> cpuTemperatureC,
                           Optional<Long> cpuFrequencyKhz, long memTotalBytes, long memAvailableBytes,
                           long diskTotalBytes, long diskFreeBytes, long uptimeSeconds, Throttling throttling,
                           Network network) {
    public HealthSample {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cpuTemperatureC, "cpuTemperatureC");
        Objects.requireNonNull(cpuFrequencyKhz, "cpuFrequencyKhz");
        Objects.requireNonNull(throttling, "throttling");
        Objects.requireNonNull(network, "network");
    }

    /**
     * Raspberry Pi {@code get_throttled} bits: 0 under-voltage, 1 ARM frequency capped, 2 throttled,
     * 3 soft temperature limit (now); 16–19 the same since boot.
     */
    public record Throttling(boolean underVoltage, boolean frequencyCapped, boolean throttled, boolean softTempLimit,
                             boolean occurredSinceBoot) {
        public static final Throttling NONE = new Throttling(false, false, false, false, false);

        public static Throttling fromFlags(long flags) {
            return new Throttling((flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0,
                    (flags & 0xF0000) != 0);
        }
    }

    /** A network interface's address and byte counters. */
    public record Network(String interfaceName, String address, long rxBytes, long txBytes) {
        public Network {
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(address, "address");
        }
    }
}
