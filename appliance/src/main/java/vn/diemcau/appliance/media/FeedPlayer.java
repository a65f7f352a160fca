package vn.diemcau.appliance.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadLinkException;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.webrtc.WebRTCBin;
import org.freedesktop.gstreamer.webrtc.WebRTCSDPType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription: a webrtcbin answering a Janus feed's offer, explicit decode chains
 * (MEDIA-NOTES pitfall 8) to the video sink (or a tile of the {@link VideoWall}) and into the
 * speaker mixer; counts its own decoded frames and audio buffers. Gst thread only,
 * except {@link #onPadAdded}, which hops there.
 */
final class FeedPlayer {
    private static final Logger log = LoggerFactory.getLogger(FeedPlayer.class);

    private final long feed;
    private final Pipeline pipeline;
    private final WebRTCBin bin;
    private final PipelineRecipe recipe;
    private final PlaybackMeter meter;
    private final CallSignals signals;
    private final Negotiation negotiation;
    private final Element mixer;
    private final Supplier<VideoWall> wall;
    private final VideoLayout layout;
    private final AtomicLong videoFrames = new AtomicLong();
    private final AtomicLong audioBuffers = new AtomicLong();
    // Strong references for as long as the pipeline lives (pitfall 4).
    private final List<Object> keep = new ArrayList<>();
    private final List<Chain> chains = new ArrayList<>();
    private final WebRTCBin.ON_ICE_CANDIDATE onCandidate;
    private final Element.PAD_ADDED onPad;
    private final Object lock = new Object();
    private volatile boolean closed;

    /**
     * One decode chain and where it ends: its probed meter pad, and the aggregator pad (speaker
     * mixer or video wall tile) its src is linked to, if any.
     */
    private record Chain(Bin bin, Pad meterPad, Pad.PROBE probe, Optional<Pad> src, Optional<Pad> target,
                         boolean audio) {
    }

    /**
     * @param layout {@link VideoLayout#TILED}: video goes to a tile of {@code wall} (made on first use)
     */
    FeedPlayer(long feed, Pipeline pipeline, PipelineRecipe recipe, MediaSettings settings, PlaybackMeter meter,
               CallSignals signals, Negotiation negotiation, VideoLayout layout, Supplier<VideoWall> wall) {
        this.feed = feed;
        this.layout = layout;
        this.wall = wall;
        this.pipeline = pipeline;
        this.recipe = recipe;
        this.meter = meter;
        this.signals = signals;
        this.negotiation = negotiation;
        this.mixer = pipeline.getElementByName(PipelineRecipe.SPEAKER_MIXER);
        this.bin = (WebRTCBin) ElementFactory.make("webrtcbin", "sub" + feed);
        bin.setAsString("bundle-policy", "max-bundle");
        bin.set("latency", (int) settings.latency().toMillis());
        WebRtcNative.configureIce(bin, settings.iceAddresses());
        onCandidate = (mline, candidate) -> signals.subscriberCandidate(feed, mline, candidate);
        onPad = (element, pad) -> onPadAdded(pad);
        bin.connect(onCandidate);
        bin.connect(onPad);
        pipeline.add(bin);
        bin.syncStateWithParent();
    }

    long feed() {
        return feed;
    }

    void offer(String sdp) {
        bin.setRemoteDescription(Negotiation.description(WebRTCSDPType.OFFER, sdp));
        negotiation.create(bin, WebRTCSDPType.ANSWER,
                answer -> GstRuntime.post("answer feed " + feed, () -> applyAnswer(answer)),
                signals::mediaFailed);
    }

    private void applyAnswer(String answer) {
        if (closed) return;
        // Pitfall 11: answering with a=setup:passive avoids a ~1 s DTLS delay.
        String passive = answer.replace("a=setup:active", "a=setup:passive");
        bin.setLocalDescription(Negotiation.description(WebRTCSDPType.ANSWER, passive));
        signals.subscriberAnswer(feed, passive);
    }

    void remoteCandidate(int mline, String candidate) {
        if (!closed) bin.addIceCandidate(mline, candidate);
    }

    /**
     * Links the new pad right here on webrtcbin's streaming thread, as GStreamer expects. Not a
     * hop to the Gst thread: that thread may be stopping this very webrtcbin, which waits for
     * this callback to return (a deadlock). The elements made here are kept and released by
     * {@link #release()} (the feed left) or {@link #dispose()} (the call ended) on the Gst thread.
     */
    private void onPadAdded(Pad pad) {
        try {
            synchronized (lock) {
                if (closed) return;
                link(pad);
            }
        } catch (RuntimeException e) {
            log.warn("Feed {}: linking a received stream failed", feed, e);
            signals.mediaFailed("cannot play feed " + feed + ": " + e.getMessage());
        }
    }

    private void link(Pad pad) {
        if (pad.getDirection() != org.freedesktop.gstreamer.PadDirection.SRC) return;
        Caps caps = pad.getCurrentCaps();
        if (caps == null) caps = pad.queryCaps(null);
        Structure st = caps.getStructure(0);
        String encoding = st.hasField("encoding-name") ? st.getString("encoding-name") : "?";
        boolean audio = encoding.equalsIgnoreCase("OPUS");
        Bin chain = GstRuntime.parseBin(recipe.receiveChain(encoding, layout));
        keep.add(pad);
        pipeline.add(chain);
        Element meterElement = chain.getElementByName(audio ? "ameter" : "vmeter");
        Pad meterPad = meterElement.getStaticPad("src");
        Pad.PROBE probe = audio
                ? (p, info) -> {
                    audioBuffers.incrementAndGet();
                    return meter.onAudio(info);
                }
                : (p, info) -> {
                    videoFrames.incrementAndGet();
                    return meter.onVideo(info);
                };
        meterPad.addProbe(PadProbeType.BUFFER, probe);
        keep.add(meterElement);
        boolean tiled = !audio && layout == VideoLayout.TILED;
        Optional<Pad> src = audio || tiled ? Optional.of(chain.getStaticPad("src")) : Optional.empty();
        Optional<Pad> target = audio ? Optional.of(mixer.getRequestPad("sink_%u")) : Optional.empty();
        Chain record = new Chain(chain, meterPad, probe, src, target, audio);
        chains.add(record);
        if (audio) {
            linkOrFail(src.get(), target.get());
        } else if (tiled) {
            Pad tile = wall.get().attach(src.get());
            keep.add(tile);
            chains.set(chains.indexOf(record), new Chain(chain, meterPad, probe, src, Optional.of(tile), false));
        }
        chain.syncStateWithParent();
        linkOrFail(pad, chain.getStaticPad("sink"));
        log.info("Feed {}: playing {} stream{}", feed, encoding, tiled ? " on the video wall" : "");
    }

    private void linkOrFail(Pad src, Pad sink) {
        keep.add(sink);
        try {
            src.link(sink);
        } catch (PadLinkException e) {
            throw new MediaException("cannot link " + src.getName() + " to " + sink.getName() + ": " + e.getLinkResult(), e);
        }
    }

    long videoFrames() {
        return videoFrames.get();
    }

    long audioBuffers() {
        return audioBuffers.get();
    }

    /** Stops receiving: the webrtcbin is stopped and removed; nothing flows into the decode chains any more. */
    void stop() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
        }
        // Waits for a pad-added callback in progress (it holds no lock we need from here on).
        StateChangeReturn r = bin.setState(State.NULL);
        if (r == StateChangeReturn.FAILURE) log.warn("Feed {}: webrtcbin refused to stop", feed);
        pipeline.remove(bin);
        bin.dispose();
        log.info("Feed {}: stopped", feed);
    }

    /**
     * The feed left while the call goes on: stops receiving and takes its decode chains out of
     * the running pipeline. Order matters: first the meter probes (no more calls into Java), then
     * each chain is unlinked from the speaker mixer / wall tile and that aggregator pad released
     * (which wakes a streaming thread waiting in the aggregator), and only then is the chain set
     * to NULL — a chain set to NULL while still linked to the live mixer was seen to hang.
     */
    void release() {
        stop();
        List<Chain> all;
        synchronized (lock) {
            all = List.copyOf(chains);
            chains.clear();
        }
        for (Chain c : all) {
            c.meterPad().removeProbe(c.probe());
            if (c.src().isPresent() && c.target().isPresent()) {
                if (c.audio()) {
                    c.src().get().unlink(c.target().get());
                    mixer.releaseRequestPad(c.target().get());
                } else {
                    wall.get().detach(c.src().get(), c.target().get());
                }
            }
            StateChangeReturn r = c.bin().setState(State.NULL);
            if (r == StateChangeReturn.FAILURE) log.warn("Feed {}: a decode chain refused to stop", feed);
            pipeline.remove(c.bin());
            c.bin().dispose();
        }
        keep.clear();
        log.info("Feed {}: {} decode chain(s) released", feed, all.size());
    }

    /** Releases everything; the pipeline must already be in NULL. */
    void dispose() {
        stop();
        List<Chain> all;
        synchronized (lock) {
            all = List.copyOf(chains);
            chains.clear();
        }
        for (Chain c : all) c.bin().setState(State.NULL);
        for (Chain c : all) {
            if (c.audio()) c.target().ifPresent(mixer::releaseRequestPad);
        }
        for (Chain c : all) pipeline.remove(c.bin());
        for (Chain c : all) c.bin().dispose();
        keep.clear();
    }
}
