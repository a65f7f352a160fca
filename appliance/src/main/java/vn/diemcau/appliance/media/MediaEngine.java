package vn.diemcau.appliance.media;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.elements.AppSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's media: GStreamer, the camera, the microphone, the TV and the speaker. Entry point
 * of the media package: {@link #openCall} builds the pipeline of a call, {@link #snapshotJpeg}
 * takes a camera picture, {@link #idleScreen} shows the slate between calls; the microphone meter,
 * test tone and audio self-test are {@link #microphoneLevel}, {@link #playTestTone},
 * {@link #audioSelfTest}, and {@link #microphoneMuted} mutes what calls publish.
 *
 * <pre>{@code
 * MediaEngine media = new MediaEngine(MediaSettings.defaults());
 * media.start();
 * try (MediaCall call = media.openCall(signals)) { call.start(); ... }
 * }</pre>
 */
public final class MediaEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);
    private final MediaSettings settings;
    private final AtomicReference<MediaCall> current = new AtomicReference<>();
    private volatile IdleScreen idleScreen;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean micMuted;
    /** True while the tone or self-test has the devices: no warm pipeline is built. */
    private volatile boolean devicesBorrowed;
    private final AudioDesk audio;
    /** The next call's pipeline, built and started while idle (Gst thread only). */
    private CallPipeline warm;

    public MediaEngine(MediaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.audio = new AudioDesk(settings, new DeskDevices());
    }

    /** Initialises GStreamer (once per JVM). Idempotent. */
    public synchronized void start() {
        if (started) return;
        GstRuntime.init();
        started = true;
        if (settings.keepWarm()) prepareWarm();
    }

    /** Builds and starts the next call's pipeline in the background (its offer is made before any join). */
    private void prepareWarm() {
        GstRuntime.post("warm pipeline", () -> {
            if (warm != null || closed || devicesBorrowed || current.get() != null) return;
            long t0 = System.nanoTime();
            try {
                CallPipeline p = new CallPipeline(settings);
                p.start();
                warm = p;
                log.info("Warm call pipeline ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Could not prepare a warm call pipeline: {}", e.getMessage());
            }
        });
    }

    /**
     * True when the next call's pipeline is running and its offer is made, so a join now skips
     * pipeline start-up (and, the first time in a process, webrtcbin's DTLS certificate).
     */
    public boolean warmReady() {
        requireStarted();
        return GstRuntime.call(() -> warm != null && warm.offerReady(), Duration.ofSeconds(10));
    }

    private CallPipeline takeOrBuild() {
        CallPipeline w = warm;
        warm = null;
        if (w != null && !w.failedWhileWarm()) return w;
        if (w != null) w.close();
        CallPipeline p = new CallPipeline(settings);
        p.start();
        return p;
    }

    public MediaSettings settings() {
        return settings;
    }

    /**
     * The pipeline of a call (capture, encode, speaker), already started: the warm one if
     * {@link MediaSettings#keepWarm()}, else a new one. Its offer arrives on {@code signals}.
     */
    public MediaCall openCall(CallSignals signals) {
        return openCall(signals, VideoLayout.SINGLE);
    }

    /** {@link #openCall(CallSignals)} showing the played feeds as {@code layout} says. */
    public MediaCall openCall(CallSignals signals, VideoLayout layout) {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(layout, "layout");
        requireStarted();
        audio.stopMeter();
        CallPipeline p = GstRuntime.call(this::takeOrBuild, Duration.ofSeconds(10));
        p.layout(layout);
        p.attach(signals);
        MediaCall call = new MediaCall(p, c -> {
            current.compareAndSet(c, null);
            if (settings.keepWarm() && !closed) prepareWarm();
        });
        MediaCall previous = current.getAndSet(call);
        if (previous != null) log.warn("A second call pipeline was opened while another is open");
        call.microphoneMuted(micMuted);
        return call;
    }

    /**
     * A JPEG of the current camera picture: from the running call, or (out of a call) from a
     * short capture. Empty when the camera gives nothing within about a second.
     */
    public Optional<byte[]> snapshotJpeg() {
        requireStarted();
        MediaCall call = current.get();
        if (call != null) return call.snapshot();
        return GstRuntime.call(() -> warm != null ? warm.snapshot() : captureOneJpeg(), Duration.ofSeconds(8));
    }

    private Optional<byte[]> captureOneJpeg() {
        String src = DeviceChoice.video(settings);
        Pipeline p = (Pipeline) GstRuntime.parse(src + " num-buffers=30 ! videoconvert ! videoscale ! video/x-raw,width="
                + settings.width() + ",height=" + settings.height() + " ! jpegenc quality=85 ! appsink name=shot sync=false");
        AppSink sink = (AppSink) p.getElementByName("shot");
        try {
            p.play();
            Sample sample = sink.emit(Sample.class, "try-pull-sample", 5_000_000_000L);
            if (sample == null) return Optional.empty();
            try {
                Buffer b = sample.getBuffer();
                ByteBuffer data = b.map(false);
                try {
                    byte[] jpeg = new byte[data.remaining()];
                    data.get(jpeg);
                    return Optional.of(jpeg);
                } finally {
                    b.unmap();
                }
            } finally {
                sample.dispose();
            }
        } finally {
            p.setState(State.NULL);
            sink.dispose();
            p.dispose();
        }
    }

    /**
     * The microphone's level now: from the call's pipeline in a call, else from the warm pipeline,
     * else from a short-lived capture that stops a few seconds after the last read. Empty when the
     * microphone gives nothing (yet). May block for the capture's start-up on the first read.
     */
    public Optional<AudioLevel> microphoneLevel() {
        requireStarted();
        return audio.level();
    }

    /**
     * Plays a {@value AudioDesk#TONE_HZ} Hz sine for 1.5 s on the configured speaker at a safe
     * volume (-15 dBFS RMS); returns when it ended.
     *
     * @throws MediaException during a call, or when the speaker cannot be opened
     */
    public void playTestTone() {
        requireStarted();
        audio.playTestTone();
    }

    /**
     * Measures the microphone's floor, plays a tone on the speaker and measures what the
     * microphone hears (about 3 s). Out of a call only.
     *
     * @throws MediaException during a call
     */
    public AudioSelfTest audioSelfTest() {
        requireStarted();
        return audio.selfTest();
    }

    /** Mutes (or unmutes) the microphone in the current call and every following one; Opus keeps flowing with silence. */
    public void microphoneMuted(boolean muted) {
        micMuted = muted;
        MediaCall call = current.get();
        if (call != null) call.microphoneMuted(muted);
        log.info("Microphone {}", muted ? "muted" : "unmuted");
    }

    public boolean microphoneMuted() {
        return micMuted;
    }

    /**
     * The call pipeline's capture/encode/speaker part as {@code gst-launch-1.0} text, without
     * webrtcbin (the CPU benchmark runs it as a reference).
     */
    public String gstLaunchEquivalent() {
        requireStarted();
        return GstRuntime.call(() -> new PipelineRecipe(settings, GstRuntime::hasElement, DeviceChoice.video(settings),
                DeviceChoice.audio(settings)).encodeOnlyPipeline(), Duration.ofSeconds(5));
    }

    /** The idle slate on the TV (created on first use). */
    public synchronized IdleScreen idleScreen() {
        requireStarted();
        if (idleScreen == null) idleScreen = new IdleScreen(settings);
        return idleScreen;
    }

    private void requireStarted() {
        if (!started) throw new IllegalStateException("MediaEngine not started");
    }

    /** Stops the idle screen and any open call. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        audio.close();
        if (started) {
            GstRuntime.run(() -> {
                if (warm != null) warm.close();
                warm = null;
            }, Duration.ofSeconds(10));
        }
        MediaCall call = current.getAndSet(null);
        if (call != null) call.close();
        if (idleScreen != null) idleScreen.close();
        idleScreen = null;
        log.info("Media engine closed");
    }

    /** The engine's side of the {@link AudioDesk}: which pipeline owns the microphone, and lending the devices. */
    private final class DeskDevices implements AudioDesk.Devices {
        @Override
        public Optional<MicrophoneTap> pipelineTap() {
            MediaCall call = current.get();
            if (call != null) return Optional.of(call.microphoneTap());
            if (!started) return Optional.empty();
            return GstRuntime.call(() -> Optional.ofNullable(warm).map(CallPipeline::microphone), Duration.ofSeconds(5));
        }

        @Override
        public boolean inCall() {
            return current.get() != null;
        }

        @Override
        public void borrow() {
            devicesBorrowed = true;
            GstRuntime.run(() -> {
                if (warm != null) warm.close();
                warm = null;
            }, Duration.ofSeconds(10));
        }

        @Override
        public void giveBack() {
            devicesBorrowed = false;
            if (settings.keepWarm() && !closed) prepareWarm();
        }
    }
}
