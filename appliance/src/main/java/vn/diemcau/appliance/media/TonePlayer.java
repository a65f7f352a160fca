package vn.diemcau.appliance.media;

import java.time.Duration;
import java.util.Locale;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.StateChangeReturn;

/** A sine on the configured speaker for a fixed time, out of a call. Started and stopped on the Gst thread. */
final class TonePlayer implements AutoCloseable {
    /** Amplitude of the test tone: -12 dBFS peak (-15 dBFS RMS), audible without being loud at a normal volume setting. */
    static final double VOLUME = 0.25;

    private final Pipeline pipeline;

    private TonePlayer(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Starts {@code hz} for {@code length} (the source stops by itself; {@link #close} cuts it short). */
    static TonePlayer start(MediaSettings settings, double hz, Duration length) {
        long buffers = Math.max(1, length.toMillis() / 20);
        String description = String.format(Locale.ROOT,
                "audiotestsrc is-live=true wave=sine freq=%.1f volume=%.2f samplesperbuffer=960 num-buffers=%d"
                        + " ! audio/x-raw,rate=48000,channels=1 ! audioconvert ! audioresample ! %s",
                hz, VOLUME, buffers, DeviceChoice.speaker(settings.audioSink()));
        Pipeline p = (Pipeline) GstRuntime.parse(description);
        if (p.play() == StateChangeReturn.FAILURE) {
            p.setState(State.NULL);
            p.dispose();
            throw new MediaException("the speaker refused to start (" + settings.audioSink() + ")");
        }
        return new TonePlayer(p);
    }

    @Override
    public void close() {
        pipeline.setState(State.NULL);
        pipeline.dispose();
    }
}
