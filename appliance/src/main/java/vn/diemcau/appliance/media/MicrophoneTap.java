package vn.diemcau.appliance.media;

import java.util.Optional;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.message.Message;
import org.freedesktop.gstreamer.message.MessageType;

/**
 * The microphone's {@code level} element and its mute {@code volume} in a pipeline: the latest
 * level from the element's bus messages (posted every 100 ms, read from any thread) and the mute
 * switch (zeros in, so an encoder after it keeps producing frames). Built and closed on the Gst thread;
 * close it last among the users of the pipeline's bus (it disposes the bus wrapper).
 */
final class MicrophoneTap implements AutoCloseable {
    static final String LEVEL_NAME = "miclevel";
    static final String MUTE_NAME = "micmute";
    static final String LEVEL_ELEMENT = "level name=" + LEVEL_NAME + " interval=100000000 post-messages=true";
    static final String MUTE_ELEMENT = "volume name=" + MUTE_NAME;
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final Bus bus;
    private final Optional<Element> mute;
    // Strong reference for as long as the pipeline lives (MEDIA-NOTES pitfall 4).
    private final Bus.MESSAGE onMessage = this::onMessage;
    private volatile AudioLevel latest = new AudioLevel(AudioLevel.FLOOR_DB, AudioLevel.FLOOR_DB);
    private volatile long latestNanos;
    private volatile boolean closed;

    MicrophoneTap(Pipeline pipeline) {
        this.bus = pipeline.getBus();
        this.mute = Optional.ofNullable(pipeline.getElementByName(MUTE_NAME));
        bus.connect(onMessage);
    }

    /** Runs on whichever thread posted the message: only reads the structure and stores two volatiles. */
    private void onMessage(Bus b, Message m) {
        if (closed || m.getType() != MessageType.ELEMENT) return;
        GstObject source = m.getSource();
        if (source == null || !LEVEL_NAME.equals(source.getName())) return;
        Structure s = m.getStructure();
        if (s == null || !"level".equals(s.getName())) return;
        double[] rms = s.getDoubles("rms");
        double[] peak = s.getDoubles("peak");
        if (rms.length == 0 || peak.length == 0) return;
        double r = AudioLevel.FLOOR_DB;
        double p = AudioLevel.FLOOR_DB;
        for (int i = 0; i < rms.length; i++) r = Math.max(r, Double.isNaN(rms[i]) ? AudioLevel.FLOOR_DB : rms[i]);
        for (int i = 0; i < peak.length; i++) p = Math.max(p, Double.isNaN(peak[i]) ? AudioLevel.FLOOR_DB : peak[i]);
        latest = new AudioLevel(r, p);
        latestNanos = System.nanoTime();
    }

    /** The level of the last 100 ms; empty when the element has posted nothing for a second (no data, stopped). */
    Optional<AudioLevel> level() {
        long at = latestNanos;
        if (closed || at == 0 || System.nanoTime() - at > FRESH_NANOS) return Optional.empty();
        return Optional.of(latest);
    }

    /** Mutes or unmutes what goes on from the microphone (Gst thread). */
    void muted(boolean muted) {
        if (closed) return;
        mute.ifPresent(v -> v.set("mute", muted));
    }

    boolean muted() {
        return mute.map(v -> (Boolean) v.get("mute")).orElse(false);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        bus.disconnect(onMessage);
        mute.ifPresent(Element::dispose);
        // Drop the wrapper now: a later pipeline's bus can get the same native address, and a
        // cached wrapper of this one would hand it out without its sync handler (no messages).
        bus.dispose();
    }
}
