package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Host health readings.
 *
 * @param cpuLoad1m       1-minute load average
 * @param cpuPercent      CPU use over the last interval, 0–100 (all cores)
 * @param cpuTemperatureC SoC temperature where a sensor exists
 */
public record SystemHealth(
        @JsonProperty(required = true) double cpuLoad1m,
        @JsonProperty(required = true) double cpuPercent,
        Optional<Double> cpuTemperatureC,
        @JsonProperty(required = true) long memTotalBytes,
        @JsonProperty(required = true) long memAvailableBytes,
        @JsonProperty(required = true) long diskTotalBytes,
        @JsonProperty(required = true) long diskFreeBytes,
        @JsonProperty(required = true) long uptimeSeconds,
        @JsonProperty(required = true) Throttling throttling,
        @JsonProperty(required = true) Network network) {
    public SystemHealth {
        Check.between(cpuLoad1m, 0, 10_000, "cpuLoad1m");
        Check.between(cpuPercent, 0, 100, "cpuPercent");
        cpuTemperatureC = Check.optional(cpuTemperatureC);
        cpuTemperatureC.ifPresent(t -> Check.between(t, -60, 200, "cpuTemperatureC"));
        Check.atLeast(memTotalBytes, 0, "memTotalBytes");
        Check.between(memAvailableBytes, 0, memTotalBytes, "memAvailableBytes");
        Check.atLeast(diskTotalBytes, 0, "diskTotalBytes");
        Check.between(diskFreeBytes, 0, diskTotalBytes, "diskFreeBytes");
        Check.atLeast(uptimeSeconds, 0, "uptimeSeconds");
        Check.required(throttling, "throttling");
        Check.required(network, "network");
    }
}
