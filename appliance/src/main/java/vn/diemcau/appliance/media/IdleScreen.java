package vn.diemcau.appliance.media;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slate on the TV between calls: room name, clock, hub connection, next session and
 * "Nhấn nút xanh để tham gia / Press the green button to join", rendered by GStreamer
 * (textoverlay + clockoverlay over a solid background) at 5 fps. {@link #show} starts it or
 * updates the text; {@link #hide} releases the display before a call. Thread-safe.
 */
public final class IdleScreen implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IdleScreen.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final MediaSettings settings;
    private final AtomicLong frames = new AtomicLong();
    private final Pad.PROBE onFrame = (pad, info) -> {
        frames.incrementAndGet();
        return PadProbeReturn.OK;
    };
    private Pipeline pipeline;
    private Element title;
    private Element middle;
    private Pad meterPad;

    IdleScreen(MediaSettings settings) {
        this.settings = settings;
    }

    /** Shows the slate with {@code info}, starting it if hidden. */
    public void show(IdleInfo info) {
        GstRuntime.run(() -> {
            if (pipeline == null) build();
            title.set("text", markupSafe(info.roomName()));
            middle.set("text", markupSafe(info.middleText()));
        }, TIMEOUT);
    }

    private void build() {
        int w = settings.width();
        int h = settings.height();
        int big = Math.max(12, h / 18);
        int small = Math.max(10, h / 30);
        String sink = new PipelineRecipe(settings, f -> true, "", "").videoSink();
        pipeline = (Pipeline) GstRuntime.parse("videotestsrc is-live=true pattern=solid-color foreground-color=0xff0b3d5c"
                + " ! video/x-raw,width=" + w + ",height=" + h + ",framerate=5/1"
                + " ! textoverlay name=title valignment=top halignment=center ypad=" + h / 10
                + " font-desc=\"Sans Bold " + big + "px\""
                + " ! textoverlay name=middle valignment=center halignment=center line-alignment=center"
                + " font-desc=\"Sans " + small + "px\""
                + " ! textoverlay name=prompt valignment=bottom halignment=center ypad=" + h / 10
                + " font-desc=\"Sans Bold " + small + "px\" text=\"" + IdleInfo.PROMPT + "\""
                + " ! clockoverlay halignment=right valignment=top time-format=\"%H:%M  %d/%m/%Y\""
                + " font-desc=\"Sans " + small + "px\""
                + " ! videoconvert ! identity name=imeter ! " + sink);
        title = pipeline.getElementByName("title");
        middle = pipeline.getElementByName("middle");
        meterPad = pipeline.getElementByName("imeter").getStaticPad("src");
        meterPad.addProbe(PadProbeType.BUFFER, onFrame);
        pipeline.play();
        log.info("Idle screen shown");
    }

    private static String markupSafe(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Frames rendered since the screen was created (for tests and the local page). */
    public long framesRendered() {
        return frames.get();
    }

    public boolean showing() {
        return GstRuntime.call(() -> pipeline != null, TIMEOUT);
    }

    /** Stops the slate and releases the display. Idempotent. */
    public void hide() {
        GstRuntime.run(() -> {
            if (pipeline == null) return;
            pipeline.setState(State.NULL);
            meterPad.removeProbe(onFrame);
            meterPad.dispose();
            title.dispose();
            middle.dispose();
            pipeline.dispose();
            pipeline = null;
            log.info("Idle screen hidden");
        }, TIMEOUT);
    }

    @Override
    public void close() {
        hide();
    }
}
