package vn.diemcau.appliance.media;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.webrtc.WebRTCBin;
import org.freedesktop.gstreamer.webrtc.WebRTCSDPType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of one call: capture → encode → publisher webrtcbin, the speaker mixer (with the
 * echo probe), and one {@link FeedPlayer} per subscribed feed. Gst thread only.
 */
final class CallPipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallPipeline.class);
    private static final long CAPS_WAIT_MS = 5_000;

    private final MediaSettings settings;
    private final PipelineRecipe recipe;
    private final RelaySignals signals = new RelaySignals();
    private final PlaybackMeter meter;
    private final Pipeline pipeline;
    private final WebRTCBin publisher;
    private final Negotiation negotiation = new Negotiation();
    private final Map<Long, FeedPlayer> feeds = new HashMap<>();
    private final Object wallLock = new Object();
    private VideoWall wall;
    private volatile VideoLayout layout = VideoLayout.SINGLE;
    // Strong references to every callback and probed pad (pitfall 4).
    private final WebRTCBin.ON_ICE_CANDIDATE onCandidate;
    private final Bus.ERROR onError;
    private final Element encodedCounter;
    private long encodedAtClose;
    private final Element snapshotSink;
    private final MicrophoneTap microphone;
    private ScheduledFuture<?> capsWait;
    private long startNanos;
    private volatile boolean offerReady;
    private boolean closed;

    CallPipeline(MediaSettings settings) {
        this.settings = settings;
        this.meter = new PlaybackMeter();
        this.recipe = new PipelineRecipe(settings, GstRuntime::hasElement, DeviceChoice.video(settings),
                DeviceChoice.audio(settings));
        String description = recipe.callPipeline();
        log.debug("Call pipeline: {}", description);
        this.pipeline = (Pipeline) GstRuntime.parse(description);
        this.publisher = (WebRTCBin) pipeline.getElementByName(PipelineRecipe.WEBRTC);
        this.snapshotSink = pipeline.getElementByName(PipelineRecipe.SNAPSHOT_SINK);
        this.microphone = new MicrophoneTap(pipeline);
        WebRtcNative.configureIce(publisher, settings.iceAddresses());
        onCandidate = signals::publisherCandidate;
        publisher.connect(onCandidate);
        onError = (source, code, message) -> signals.mediaFailed("GStreamer error from "
                + (source == null ? "?" : source.getName()) + ": " + message);
        pipeline.getBus().connect(onError);
        // Counted natively by an identity, read when asked: a Java pad probe here ran gst1-java-core's
        // reflective callback path 30 times a second on the encoder thread, ~1 % of a core in a call
        // (perf, docs/benchmarks.md "Session 3").
        encodedCounter = pipeline.getElementByName(PipelineRecipe.ENCODED_COUNTER);
        log.info("Call pipeline built: encoder {}, {}x{}@{} {} kbit/s, echo cancellation {}", recipe.encoder().name(),
                settings.width(), settings.height(), settings.fps(), settings.bitrateKbps(),
                recipe.echoCancel() ? "on" : "off");
    }

    /** Where the offer, candidates and failures go; held until then (a warm pipeline starts before any join). */
    void attach(CallSignals target) {
        signals.attach(target);
    }

    /** How feeds subscribed from now on are shown (set when the call opens, before any subscription). */
    void layout(VideoLayout newLayout) {
        layout = newLayout;
    }

    /** The video wall, built into the running pipeline on first use (any thread). */
    private VideoWall wall() {
        synchronized (wallLock) {
            if (wall == null) wall = new VideoWall(pipeline, recipe, settings.width(), settings.height());
            return wall;
        }
    }

    /** True once the publisher's offer exists (the first one in a process includes the DTLS certificate). */
    boolean offerReady() {
        return offerReady;
    }

    boolean failedWhileWarm() {
        return signals.failedWhileHeld();
    }

    /** Starts capture; once every webrtcbin sink pad has caps (pitfall 1), creates the offer. Idempotent. */
    void start() {
        if (capsWait != null || closed) return;
        startNanos = System.nanoTime();
        StateChangeReturn r = pipeline.play();
        if (r == StateChangeReturn.FAILURE) throw new MediaException("call pipeline refused to start (check the devices)");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CAPS_WAIT_MS);
        capsWait = GstRuntime.executor().scheduleWithFixedDelay(() -> {
            try {
                if (closed) {
                    capsWait.cancel(false);
                } else if (publisher.getSinkPads().stream().allMatch(Pad::hasCurrentCaps)) {
                    capsWait.cancel(false);
                    log.debug("Caps on every webrtcbin input {} ms after start", (System.nanoTime() - startNanos) / 1_000_000);
                    createOffer();
                } else if (System.nanoTime() > deadline) {
                    capsWait.cancel(false);
                    signals.mediaFailed("camera or microphone produced no data within " + CAPS_WAIT_MS + " ms");
                }
            } catch (RuntimeException e) {
                capsWait.cancel(false);
                signals.mediaFailed("starting media failed: " + e.getMessage());
            }
        }, 5, 5, TimeUnit.MILLISECONDS);
    }

    private void createOffer() {
        negotiation.create(publisher, WebRTCSDPType.OFFER,
                offer -> GstRuntime.post("offer", () -> {
                    if (closed) return;
                    publisher.setLocalDescription(Negotiation.description(WebRTCSDPType.OFFER, offer));
                    log.debug("Offer ready {} ms after start", (System.nanoTime() - startNanos) / 1_000_000);
                    offerReady = true;
                    signals.publisherOffer(offer);
                }),
                signals::mediaFailed);
    }

    void answer(String sdp) {
        if (!closed) publisher.setRemoteDescription(Negotiation.description(WebRTCSDPType.ANSWER, sdp));
    }

    void remoteCandidate(int mline, String candidate) {
        if (!closed) publisher.addIceCandidate(mline, candidate);
    }

    void subscribe(long feed, String offerSdp) {
        if (closed) return;
        unsubscribe(feed);
        FeedPlayer player = new FeedPlayer(feed, pipeline, recipe, settings, meter, signals, negotiation, layout, this::wall);
        feeds.put(feed, player);
        player.offer(offerSdp);
    }

    void subscriberCandidate(long feed, int mline, String candidate) {
        FeedPlayer p = feeds.get(feed);
        if (p != null) p.remoteCandidate(mline, candidate);
    }

    /** The feed left: its webrtcbin and decode chains leave the running pipeline. */
    void unsubscribe(long feed) {
        FeedPlayer p = feeds.remove(feed);
        if (p != null) p.release();
    }

    /** The feeds being played, with what each has decoded so far. */
    java.util.List<FeedPlayback> feeds() {
        return feeds.values().stream().map(f -> new FeedPlayback(f.feed(), f.videoFrames(), f.audioBuffers()))
                .sorted(java.util.Comparator.comparingLong(FeedPlayback::feed)).toList();
    }

    /** Elements directly in the pipeline (a decode chain or a feed's webrtcbin counts as one). */
    int elementCount() {
        return closed ? 0 : pipeline.getElements().size();
    }

    /** Tiles on the video wall (0 without one) and frames it has rendered. */
    int wallTiles() {
        synchronized (wallLock) {
            return wall == null ? 0 : wall.tiles();
        }
    }

    long wallFrames() {
        synchronized (wallLock) {
            return wall == null ? 0 : wall.framesRendered();
        }
    }

    void stats(Consumer<String> onStats) {
        if (closed) {
            onStats.accept("");
            return;
        }
        negotiation.stats(publisher, onStats);
    }

    /** Frames out of the video encoder so far (Gst thread). */
    long encodedFrames() {
        return closed ? encodedAtClose : WebRtcNative.bufferCount(encodedCounter);
    }

    PlaybackCounters playback() {
        return meter.snapshot();
    }

    /** The microphone's level meter and mute switch. */
    MicrophoneTap microphone() {
        return microphone;
    }

    String encoderName() {
        return recipe.encoder().name();
    }

    /** The latest 1 fps JPEG of the camera, if one arrived within ~1 s. */
    Optional<byte[]> snapshot() {
        if (closed) return Optional.empty();
        Sample sample = snapshotSink.emit(Sample.class, "try-pull-sample", 1_200_000_000L);
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
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        long t0 = System.nanoTime();
        if (capsWait != null) capsWait.cancel(false);
        encodedAtClose = WebRtcNative.bufferCount(encodedCounter);
        pipeline.setState(State.NULL);
        feeds.values().forEach(FeedPlayer::dispose);
        feeds.clear();
        synchronized (wallLock) {
            if (wall != null) wall.dispose();
            wall = null;
        }
        pipeline.getBus().disconnect(onError);
        negotiation.close();
        encodedCounter.dispose();
        snapshotSink.dispose();
        microphone.close();
        publisher.dispose();
        pipeline.dispose();
        log.info("Call pipeline stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
