package vn.diemcau.appliance.call;

/**
 * Call statistics from the media engine (webrtcbin {@code get-stats}).
 *
 * @param outgoingBitrateKbps video+audio sent, kbit/s
 * @param outgoingFps         video frames sent per second
 * @param packetLossPercent   fraction of packets lost as reported by the far end, 0–100
 * @param jitterMs            inbound jitter, milliseconds
 * @param roundTripMs         round-trip time, milliseconds
 */
public record CallStats(double outgoingBitrateKbps, double outgoingFps, double packetLossPercent,
                        double jitterMs, double roundTripMs) {
}
