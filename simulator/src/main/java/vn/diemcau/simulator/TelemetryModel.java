package vn.diemcau.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import vn.diemcau.protocol.CallInfo;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.MediaStats;
import vn.diemcau.protocol.Network;
import vn.diemcau.protocol.Peripherals;
import vn.diemcau.protocol.SystemHealth;
import vn.diemcau.protocol.Telemetry;
import vn.diemcau.protocol.Throttling;

/**
 * Plausible, slowly varying health figures of one box (a Raspberry Pi 5 with 4 GiB and a 32 GB card):
 * bounded random walks for load and temperature, counters that only grow. Not thread-safe: the owning
 * box calls it under its lock.
 */
final class TelemetryModel {
    private static final long MEM_TOTAL = 4L << 30;
    private static final long DISK_TOTAL = 32_000_000_000L;

    private final SplittableRandom random;
    private final String address;
    private double cpuPercent;
    private double temperature;
    private long memAvailable;
    private long diskFree;
    private long rxBytes;
    private long txBytes;

    TelemetryModel(long seed, int index) {
        this.random = new SplittableRandom(seed);
        this.address = "10.%d.%d.%d".formatted(20 + (index >> 16 & 0xff), index >> 8 & 0xff, index & 0xff);
        this.cpuPercent = 5 + random.nextDouble(15);
        this.temperature = 45 + random.nextDouble(10);
        this.memAvailable = (long) (MEM_TOTAL * (0.5 + random.nextDouble(0.3)));
        this.diskFree = (long) (DISK_TOTAL * (0.4 + random.nextDouble(0.4)));
    }

    Telemetry next(Instant now, Instant bootedAt, boolean hot, boolean cameraMissing, CallInfo call) {
        boolean inCall = call.state() == CallState.IN_CALL;
        double cpuTarget = inCall ? 45 : 8;
        cpuPercent = clamp(cpuPercent + (cpuTarget - cpuPercent) * 0.3 + random.nextDouble(-4, 4), 1, 98);
        double tempTarget = hot ? 87 : 48 + cpuPercent * 0.2;
        temperature = clamp(temperature + (tempTarget - temperature) * (hot ? 0.8 : 0.3) + random.nextDouble(-0.8, 0.8),
                35, hot ? 90 : 75);
        memAvailable = (long) clamp(memAvailable + random.nextDouble(-20e6, 20e6), MEM_TOTAL * 0.2, MEM_TOTAL * 0.9);
        diskFree = Math.max(1_000_000_000L, diskFree - random.nextLong(0, 200_000));
        rxBytes += inCall ? 2_000_000 + random.nextLong(200_000) : 2_000 + random.nextLong(4_000);
        txBytes += inCall ? 2_100_000 + random.nextLong(200_000) : 3_000 + random.nextLong(4_000);
        SystemHealth system = new SystemHealth(
                round(cpuPercent / 25.0), round(cpuPercent), Optional.of(round(temperature)),
                MEM_TOTAL, memAvailable, DISK_TOTAL, diskFree,
                Math.max(0, Duration.between(bootedAt, now).toSeconds()),
                new Throttling(false, hot, false, hot, hot),
                new Network("eth0", address, rxBytes, txBytes));
        Optional<MediaStats> media = inCall
                ? Optional.of(new MediaStats(round(1_400 + random.nextDouble(200)), round(29 + random.nextDouble(1)),
                        round(random.nextDouble(0.8)), round(2 + random.nextDouble(6)), round(20 + random.nextDouble(30))))
                : Optional.empty();
        return new Telemetry(now, system, new Peripherals(!cameraMissing, true, true), call, media);
    }

    /** Bytes that look like telemetry but are not valid protocol JSON, in a few different ways. */
    byte[] malformed() {
        return switch (random.nextInt(3)) {
            case 0 -> "{\"schema\":1,\"at\":\"not-a-time\",\"system\":{}}".getBytes();
            case 1 -> "{\"schema\":1,\"at\":".getBytes();
            default -> new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, 3};
        };
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
