package vn.diemcau.hub.health;

import java.time.Instant;
import java.util.Optional;

/** One raw telemetry sample as kept for history. */
public record TelemetrySample(Instant at, double cpuPercent, Optional<Double> cpuTemperatureC, long memAvailableBytes,
    long diskFreeBytes, Optional<Double> packetLossPercent, Optional<Double> bitrateKbps) {}
