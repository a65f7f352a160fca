package vn.diemcau.appliance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import vn.diemcau.appliance.call.CallStats;

class StatsCalculatorTest {
    /** Shape of a webrtcbin 1.22 get-stats reply (trimmed), as GstStructure text. */
    static String reply(long videoBytes, long audioBytes, long videoPackets, long lost, double rtt) {
        return "application/x-webrtc-stats, peer-connection-stats=(structure)\"peer-connection\\,\\ type\\=\\(GstWebRTCStatsType\\)peer-connection\\;\", "
                + "rtp-outbound-stream-stats_1=(structure)\"outbound-rtp\\,\\ type\\=\\(GstWebRTCStatsType\\)outbound-rtp\\,\\ kind\\=\\(string\\)audio\\,\\ bytes-sent\\=\\(guint64\\)"
                + videoBytes + "\\,\\ packets-sent\\=\\(guint64\\)" + videoPackets
                + "\\,\\ gst-rtpsource-stats\\=\\(structure\\)\\\"application/x-rtp-source-stats\\\\\\,\\\\\\ packets-sent\\\\\\=\\\\\\(guint64\\\\\\)999999\\;\\\"\\;\", "
                + "rtp-remote-inbound-stream-stats_1=(structure)\"remote-inbound-rtp\\,\\ type\\=\\(GstWebRTCStatsType\\)remote-inbound-rtp\\,\\ packets-lost\\=\\(gint64\\)"
                + lost + "\\,\\ jitter\\=\\(double\\)0.004\\,\\ round-trip-time\\=\\(double\\)" + rtt + "\\;\", "
                + "rtp-outbound-stream-stats_2=(structure)\"outbound-rtp\\,\\ type\\=\\(GstWebRTCStatsType\\)outbound-rtp\\,\\ bytes-sent\\=\\(guint64\\)"
                + audioBytes + "\\,\\ packets-sent\\=\\(guint64\\)0\\;\", "
                + "rtp-inbound-stream-stats_3=(structure)\"inbound-rtp\\,\\ type\\=\\(GstWebRTCStatsType\\)inbound-rtp\\,\\ jitter\\=\\(double\\)9\\;\";";
    }

    @Test
    void next_twoReplies_givesBitrateFpsLossJitterAndRtt() {
        StatsCalculator calc = new StatsCalculator();
        CallStats first = calc.next(reply(100_000, 10_000, 100, 0, 0.01), 0, 0);
        assertThat(first.outgoingBitrateKbps()).isZero();
        CallStats second = calc.next(reply(287_500, 22_500, 196, 4, 0.02), 30, 1_000_000_000L);
        assertThat(second.outgoingBitrateKbps()).isCloseTo(1600, within(0.01));
        assertThat(second.outgoingFps()).isCloseTo(30, within(0.01));
        assertThat(second.packetLossPercent()).isCloseTo(2.0, within(0.01));
        assertThat(second.jitterMs()).isCloseTo(4, within(0.01));
        assertThat(second.roundTripMs()).isCloseTo(20, within(0.01));
    }

    @Test
    void next_emptyReply_givesZeros() {
        CallStats s = new StatsCalculator().next("", 0, 0);
        assertThat(s).isEqualTo(new vn.diemcau.appliance.call.CallStats(0, 0, 0, 0, 0));
    }
}
