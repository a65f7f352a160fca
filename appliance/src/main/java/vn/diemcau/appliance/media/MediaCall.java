package vn.diemcau.appliance.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import vn.diemcau.appliance.call.CallStats;

/**
 * The media side of one call, driven by the signalling side: publish the camera and microphone
 * (offer, answer, candidates), subscribe to feeds (their offers, our answers), stats and
 * snapshots. Thread-safe: every method hands its work to the GStreamer thread; results come
 * through {@link CallSignals}. Close it to stop capture and release every native resource.
 */
public final class MediaCall implements AutoCloseable {
    private static final Duration GST_TIMEOUT = Duration.ofSeconds(5);
    private final CallPipeline pipeline;
    private final Consumer<MediaCall> onClose;
    private final StatsCalculator statsCalculator = new StatsCalculator();
    private volatile boolean closed;

    MediaCall(CallPipeline pipeline, Consumer<MediaCall> onClose) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.onClose = onClose;
    }

    /** Starts capture if not yet started (a warm pipeline already is); the offer arrives on {@link CallSignals#publisherOffer}. */
    public void start() {
        GstRuntime.run(pipeline::start, GST_TIMEOUT);
    }

    public void publisherAnswer(String sdp) {
        Objects.requireNonNull(sdp, "sdp");
        GstRuntime.post("publisher answer", () -> pipeline.answer(sdp));
    }

    public void publisherCandidate(int mlineIndex, String candidate) {
        GstRuntime.post("publisher candidate", () -> pipeline.remoteCandidate(mlineIndex, candidate));
    }

    /** Plays {@code feed}; the answer arrives on {@link CallSignals#subscriberAnswer}. */
    public void subscribe(long feed, String offerSdp) {
        Objects.requireNonNull(offerSdp, "offerSdp");
        GstRuntime.post("subscribe " + feed, () -> pipeline.subscribe(feed, offerSdp));
    }

    public void subscriberCandidate(long feed, int mlineIndex, String candidate) {
        GstRuntime.post("subscriber candidate", () -> pipeline.subscriberCandidate(feed, mlineIndex, candidate));
    }

    public void unsubscribe(long feed) {
        GstRuntime.post("unsubscribe " + feed, () -> pipeline.unsubscribe(feed));
    }

    /** Statistics from webrtcbin's {@code get-stats}, with bitrate and frame rate since the previous call. */
    public Optional<CallStats> stats() {
        if (closed) return Optional.empty();
        CompletableFuture<String> text = new CompletableFuture<>();
        AtomicLong frames = new AtomicLong();
        GstRuntime.post("stats", () -> {
            frames.set(pipeline.encodedFrames());
            pipeline.stats(text::complete);
        });
        try {
            String reply = text.get(2, TimeUnit.SECONDS);
            return Optional.of(statsCalculator.next(reply, frames.get(), System.nanoTime()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What has been played from the conference so far. */
    public PlaybackCounters playback() {
        return closed ? PlaybackCounters.NONE : pipeline.playback(); // atomics: no hop to the GStreamer thread
    }

    /** The feeds being played now, each with what it has decoded (a feed that left is gone). */
    public java.util.List<FeedPlayback> feeds() {
        return closed ? java.util.List.of() : GstRuntime.call(pipeline::feeds, GST_TIMEOUT);
    }

    /** Elements directly in the call pipeline (diagnostics: a feed that left takes its elements with it). */
    public int pipelineElements() {
        return closed ? 0 : GstRuntime.call(pipeline::elementCount, GST_TIMEOUT);
    }

    /** Feeds tiled on the video wall ({@link VideoLayout#TILED}); 0 without a wall. */
    public int wallTiles() {
        return closed ? 0 : pipeline.wallTiles();
    }

    /** Frames the video wall has rendered to the video sink. */
    public long wallFrames() {
        return closed ? 0 : pipeline.wallFrames();
    }

    /** Video frames the encoder has produced so far. */
    public long encodedFrames() {
        return closed ? 0 : GstRuntime.call(pipeline::encodedFrames, GST_TIMEOUT);
    }

    public String encoderName() {
        return GstRuntime.call(pipeline::encoderName, GST_TIMEOUT);
    }

    /** The microphone's level now (from the pipeline's {@code level} element); empty when it gives nothing. */
    public Optional<AudioLevel> microphoneLevel() {
        return closed ? Optional.empty() : pipeline.microphone().level(); // volatiles: no hop to the GStreamer thread
    }

    /** Mutes the microphone in what is published; Opus keeps flowing (with silence). */
    public void microphoneMuted(boolean muted) {
        GstRuntime.post("mute " + muted, () -> pipeline.microphone().muted(muted));
    }

    MicrophoneTap microphoneTap() {
        return pipeline.microphone();
    }

    Optional<byte[]> snapshot() {
        return closed ? Optional.empty() : GstRuntime.call(pipeline::snapshot, GST_TIMEOUT);
    }

    /** Stops capture and playback and releases every native resource. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        GstRuntime.run(pipeline::close, Duration.ofSeconds(10));
        onClose.accept(this);
    }
}
