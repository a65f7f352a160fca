package vn.diemcau.appliance.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.diemcau.appliance.call.CallStats;

/**
 * Turns webrtcbin {@code get-stats} replies (their GstStructure text) into {@link CallStats}.
 * Bitrate and frame rate are deltas against the previous reply. With bundling in 1.22 the
 * {@code kind} of a stream is unreliable (pitfall 6), so outbound byte counts are summed over
 * every outbound RTP stream.
 */
final class StatsCalculator {
    /** A top-level entry: {@code <id>=(structure)"<type>, type=(GstWebRTCStatsType)<type>, ...}. */
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9_.-]+=\\(structure\\)\"[a-z-]+, type=\\(GstWebRTCStatsType\\)([a-z-]+)");
    private static final Pattern BYTES_SENT = Pattern.compile("bytes-sent=\\(guint64\\)(\\d+)");
    private static final Pattern PACKETS_SENT = Pattern.compile("packets-sent=\\(guint64\\)(\\d+)");
    private static final Pattern PACKETS_LOST = Pattern.compile("packets-lost=\\(g?int(?:64)?\\)(-?\\d+)");
    private static final Pattern JITTER = Pattern.compile("(?<![a-z-])jitter=\\(double\\)([0-9.eE+-]+)");
    private static final Pattern RTT = Pattern.compile("round-trip-time=\\(double\\)([0-9.eE+-]+)");

    private long lastBytes = -1;
    private long lastFrames = -1;
    private long lastNanos;

    synchronized CallStats next(String reply, long encodedFrames, long nowNanos) {
        String text = reply.replace("\\", "");
        long bytes = 0;
        long sent = 0;
        long lost = 0;
        double jitter = 0;
        double rtt = 0;
        Matcher entries = ENTRY.matcher(text);
        int from = -1;
        String type = "";
        while (true) {
            boolean found = entries.find();
            if (from >= 0) {
                String entry = text.substring(from, found ? entries.start() : text.length());
                switch (type) {
                    case "outbound-rtp" -> {
                        bytes += first(BYTES_SENT, entry, 0);
                        sent += first(PACKETS_SENT, entry, 0);
                    }
                    case "remote-inbound-rtp" -> {
                        lost += Math.max(0, first(PACKETS_LOST, entry, 0));
                        jitter = Math.max(jitter, firstDouble(JITTER, entry));
                        rtt = Math.max(rtt, firstDouble(RTT, entry));
                    }
                    default -> {
                        // other entries (codecs, candidates, inbound RTCP) carry nothing we report
                    }
                }
            }
            if (!found) break;
            from = entries.start();
            type = entries.group(1);
        }
        double seconds = lastBytes < 0 ? 0 : (nowNanos - lastNanos) / 1e9;
        double kbps = seconds > 0 ? Math.max(0, bytes - lastBytes) * 8 / 1000.0 / seconds : 0;
        double fps = seconds > 0 ? Math.max(0, encodedFrames - lastFrames) / seconds : 0;
        double lossPercent = sent + lost > 0 ? 100.0 * lost / (sent + lost) : 0;
        lastBytes = bytes;
        lastFrames = encodedFrames;
        lastNanos = nowNanos;
        return new CallStats(kbps, fps, lossPercent, jitter * 1000, rtt * 1000);
    }

    private static long first(Pattern p, String text, long fallback) {
        Matcher m = p.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : fallback;
    }

    private static double firstDouble(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
