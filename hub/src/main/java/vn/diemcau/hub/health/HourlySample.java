package vn.diemcau.hub.health;

import java.time.Instant;
import java.util.Optional;

/** One hour of telemetry for one box, downsampled: averages and maxima. */
public record HourlySample(Instant hour, long samples, double cpuPercentAvg, double cpuPercentMax,
    Optional<Double> cpuTemperatureAvgC, Optional<Double> cpuTemperatureMaxC, Optional<Double> packetLossAvgPercent,
    Optional<Double> packetLossMaxPercent) {}
