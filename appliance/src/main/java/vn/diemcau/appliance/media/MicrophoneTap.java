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
 * level from the element's bus messages (read from any thread) and the mute switch (zeros in, so an
 * encoder after it keeps producing frames). Built and closed on the Gst thread; close it last among
 * the users of the pipeline's bus (it disposes the bus wrapper).
 *
 * <p>The element posts a message every 100 ms only while somebody reads the level (the local page's
 * meter, the self-test): the first {@link #level()} switches posting on and waits for the first
 * message, and posting stops {@value #QUIET_SECONDS} s after the last read. A call nobody meters
 * posts nothing (it cost about 1% of a core, docs/benchmarks.md, Media).
 */
final class MicrophoneTap implements AutoCloseable {
    static final String LEVEL_NAME = "miclevel";
    static final String MUTE_NAME = "micmute";
    static final String LEVEL_ELEMENT = "level name=" + LEVEL_NAME + " interval=100000000 post-messages=false";
    static final String MUTE_ELEMENT = "volume name=" + MUTE_NAME;
    private static final long FRESH_NANOS = 1_000_000_000L;
    static final int QUIET_SECONDS = 5;
    private static final long QUIET_NANOS = QUIET_SECONDS * 1_000_000_000L;
    private static final long FIRST_MESSAGE_WAIT_NANOS = 500_000_000L;

    private final Bus bus;
    private final Optional<Element> mute;
    private final Optional<Element> meter;
    private volatile long lastAsked;
    private volatile boolean posting;
    private volatile boolean discardNext;
    // Strong reference for as long as the pipeline lives (MEDIA-NOTES pitfall 4).
    private final Bus.MESSAGE onMessage = this::onMessage;
    private volatile AudioLevel latest = new AudioLevel(AudioLevel.FLOOR_DB, AudioLevel.FLOOR_DB);
    private volatile long latestNanos;
    private volatile long messages;
    private volatile boolean closed;

    MicrophoneTap(Pipeline pipeline) {
        this.bus = pipeline.getBus();
        this.mute = Optional.ofNullable(pipeline.getElementByName(MUTE_NAME));
        this.meter = Optional.ofNullable(pipeline.getElementByName(LEVEL_NAME));
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
        if (discardNext) {
            // The first message after a quiet spell covers everything the element summed meanwhile
            // (measured: ~0 dBFS RMS for a -9 dBFS sine): not a level.
            discardNext = false;
            return;
        }
        double r = AudioLevel.FLOOR_DB;
        double p = AudioLevel.FLOOR_DB;
        for (int i = 0; i < rms.length; i++) r = Math.max(r, Double.isNaN(rms[i]) ? AudioLevel.FLOOR_DB : rms[i]);
        for (int i = 0; i < peak.length; i++) p = Math.max(p, Double.isNaN(peak[i]) ? AudioLevel.FLOOR_DB : peak[i]);
        latest = new AudioLevel(r, p);
        long now = System.nanoTime();
        latestNanos = now;
        messages++; // only the posting thread writes it
        if (posting && now - lastAsked > QUIET_NANOS) {
            posting = false;
            GstRuntime.post("microphone level off", () -> posting(false));
        }
    }

    /** Gst thread. */
    private void posting(boolean on) {
        if (closed) return;
        if (on) discardNext = true;
        meter.ifPresent(m -> m.set("post-messages", on));
    }

    /**
     * The level of the last 100 ms; empty when the element has posted nothing for a second (no data,
     * stopped). The first read after a quiet spell waits up to 0.5 s for the element's first true reading. Never
     * call it on the Gst thread.
     */
    Optional<AudioLevel> level() {
        long asked = System.nanoTime();
        lastAsked = asked;
        if (!posting && !closed) {
            posting = true;
            long seen = messages;
            GstRuntime.post("microphone level on", () -> posting(true));
            while (messages == seen && System.nanoTime() - asked < FIRST_MESSAGE_WAIT_NANOS && !closed) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
            }
        }
        long at = latestNanos;
        if (closed || at == 0 || System.nanoTime() - at > FRESH_NANOS) return Optional.empty();
        return Optional.of(latest);
    }

    /** Whether the level element is asked to post (tests). */
    boolean posting() {
        return posting;
    }

    /** Level messages seen so far (tests). */
    long messages() {
        return messages;
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
        meter.ifPresent(Element::dispose);
        // Drop the wrapper now: a later pipeline's bus can get the same native address, and a
        // cached wrapper of this one would hand it out without its sync handler (no messages).
        bus.dispose();
    }
}
