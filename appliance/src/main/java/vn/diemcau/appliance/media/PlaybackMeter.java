package vn.diemcau.appliance.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.PadProbeInfo;
import org.freedesktop.gstreamer.PadProbeReturn;

/** Counts decoded video frames and measures decoded audio (S16LE) peaks of everything played. */
final class PlaybackMeter {
    private final AtomicLong videoFrames = new AtomicLong();
    private final AtomicLong audioBuffers = new AtomicLong();
    private final AtomicLong loudBuffers = new AtomicLong();
    private volatile double lastPeakDbfs = -100;

    PadProbeReturn onVideo(PadProbeInfo info) {
        videoFrames.incrementAndGet();
        return PadProbeReturn.OK;
    }

    PadProbeReturn onAudio(PadProbeInfo info) {
        Buffer b = info.getBuffer();
        if (b == null) return PadProbeReturn.OK;
        ByteBuffer data = b.map(false);
        if (data == null) return PadProbeReturn.OK;
        try {
            data.order(ByteOrder.LITTLE_ENDIAN);
            int peak = 0;
            for (int i = 0; i + 1 < data.limit(); i += 2) {
                peak = Math.max(peak, Math.abs(data.getShort(i)));
            }
            double dbfs = peak == 0 ? -100 : 20 * Math.log10(peak / 32768.0);
            lastPeakDbfs = dbfs;
            audioBuffers.incrementAndGet();
            if (dbfs > -40) loudBuffers.incrementAndGet();
        } finally {
            b.unmap();
        }
        return PadProbeReturn.OK;
    }

    PlaybackCounters snapshot() {
        return new PlaybackCounters(videoFrames.get(), audioBuffers.get(), loudBuffers.get(), lastPeakDbfs);
    }
}
