package vn.diemcau.protocol;

/** Call statistics from the media engine while in a call. */
public record MediaStats(double bitrateKbps, double fps, double packetLossPercent, double jitterMs, double roundTripMs) {
    public MediaStats {
        Check.between(bitrateKbps, 0, 1_000_000, "bitrateKbps");
        Check.between(fps, 0, 1000, "fps");
        Check.between(packetLossPercent, 0, 100, "packetLossPercent");
        Check.between(jitterMs, 0, 600_000, "jitterMs");
        Check.between(roundTripMs, 0, 600_000, "roundTripMs");
    }
}
