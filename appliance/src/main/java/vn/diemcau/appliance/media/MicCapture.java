package vn.diemcau.appliance.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.StateChangeReturn;

/**
 * The microphone on its own, out of a call: {@code level} for the meter and the raw samples for a
 * {@link ToneMeter}. Opened and closed on the Gst thread; {@link #level}, {@link #measureInto} and
 * {@link #buffers} from any thread.
 */
final class MicCapture implements AutoCloseable {
    static final int RATE = 48_000;
    private static final String PCM = "micpcm";

    private final Pipeline pipeline;
    private final MicrophoneTap tap;
    private final Element pcm;
    private final Pad pcmPad;
    private final AtomicReference<ToneMeter> meter = new AtomicReference<>();
    private final AtomicLong buffers = new AtomicLong();
    private final AtomicReference<String> error = new AtomicReference<>();
    // Strong references (pitfall 4).
    private final Pad.PROBE onBuffer = (pad, info) -> onBuffer(info.getBuffer());
    private final Bus.ERROR onError;

    private MicCapture(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.tap = new MicrophoneTap(pipeline);
        this.pcm = pipeline.getElementByName(PCM);
        this.pcmPad = pcm.getStaticPad("src");
        pcmPad.addProbe(PadProbeType.BUFFER, onBuffer);
        onError = (source, code, message) -> error.compareAndSet(null, message);
        pipeline.getBus().connect(onError);
    }

    /** Starts capturing from the configured microphone (Gst thread). */
    static MicCapture open(MediaSettings settings) {
        String description = DeviceChoice.audio(settings) + " ! audioconvert ! audioresample"
                + " ! audio/x-raw,format=S16LE,rate=" + RATE + ",channels=1,layout=interleaved ! " + MicrophoneTap.LEVEL_ELEMENT
                + " ! identity name=" + PCM + " ! fakesink sync=false async=false";
        Pipeline p = (Pipeline) GstRuntime.parse(description);
        MicCapture c = new MicCapture(p);
        if (p.play() == StateChangeReturn.FAILURE) {
            c.close();
            throw new MediaException("the microphone refused to start (" + settings.audioSource() + ")");
        }
        return c;
    }

    private PadProbeReturn onBuffer(Buffer b) {
        if (b == null) return PadProbeReturn.OK;
        buffers.incrementAndGet();
        ToneMeter m = meter.get();
        if (m == null) return PadProbeReturn.OK;
        ByteBuffer data = b.map(false);
        if (data == null) return PadProbeReturn.OK;
        try {
            m.add(data.order(ByteOrder.LITTLE_ENDIAN));
        } finally {
            b.unmap();
        }
        return PadProbeReturn.OK;
    }

    Optional<AudioLevel> level() {
        return tap.level();
    }

    /** Sends every following sample to {@code m} (replacing the previous meter); {@code null} stops measuring. */
    void measureInto(ToneMeter m) {
        meter.set(m);
    }

    /** Buffers captured so far. */
    long buffers() {
        return buffers.get();
    }

    /** The first GStreamer error of this pipeline, if any. */
    Optional<String> error() {
        return Optional.ofNullable(error.get());
    }

    @Override
    public void close() {
        meter.set(null);
        pipeline.setState(State.NULL);
        pcmPad.removeProbe(onBuffer);
        pipeline.getBus().disconnect(onError);
        tap.close();
        pcmPad.dispose();
        pcm.dispose();
        pipeline.dispose();
    }
}
