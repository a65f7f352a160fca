package vn.diemcau.appliance.media;

import java.util.ArrayList;
import java.util.List;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadLinkException;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.webrtc.WebRTCBin;
import org.freedesktop.gstreamer.webrtc.WebRTCSDPType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription: a webrtcbin answering a Janus feed's offer, explicit decode chains
 * (MEDIA-NOTES pitfall 8) to the video sink and into the speaker mixer. Gst thread only,
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
    // Strong references for as long as the pipeline lives (pitfall 4).
    private final List<Object> keep = new ArrayList<>();
    private final List<Bin> chains = new ArrayList<>();
    private final List<Pad> mixerPads = new ArrayList<>();
    private final WebRTCBin.ON_ICE_CANDIDATE onCandidate;
    private final Element.PAD_ADDED onPad;
    private final Object lock = new Object();
    private volatile boolean closed;

    FeedPlayer(long feed, Pipeline pipeline, PipelineRecipe recipe, MediaSettings settings, PlaybackMeter meter,
               CallSignals signals, Negotiation negotiation) {
        this.feed = feed;
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
     * this callback to return (a deadlock). The elements made here are kept and disposed by
     * {@link #dispose()} on the Gst thread.
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
        Bin chain = GstRuntime.parseBin(recipe.receiveChain(encoding));
        chains.add(chain);
        keep.add(pad);
        pipeline.add(chain);
        boolean audio = encoding.equalsIgnoreCase("OPUS");
        Element meterElement = chain.getElementByName(audio ? "ameter" : "vmeter");
        Pad meterPad = meterElement.getStaticPad("src");
        Pad.PROBE probe = audio ? (p, info) -> meter.onAudio(info) : (p, info) -> meter.onVideo(info);
        meterPad.addProbe(PadProbeType.BUFFER, probe);
        keep.add(meterElement);
        keep.add(meterPad);
        keep.add(probe);
        if (audio) {
            Pad mixerPad = mixer.getRequestPad("sink_%u");
            mixerPads.add(mixerPad);
            linkOrFail(chain.getStaticPad("src"), mixerPad);
        }
        chain.syncStateWithParent();
        linkOrFail(pad, chain.getStaticPad("sink"));
        log.info("Feed {}: playing {} stream", feed, encoding);
    }

    private void linkOrFail(Pad src, Pad sink) {
        keep.add(sink);
        try {
            src.link(sink);
        } catch (PadLinkException e) {
            throw new MediaException("cannot link " + src.getName() + " to " + sink.getName() + ": " + e.getLinkResult(), e);
        }
    }

    /**
     * Stops receiving while the call goes on: only the webrtcbin is stopped and removed. The
     * decode chains stay (idle, unlinked upstream) until {@link #dispose()}: setting a chain to
     * NULL while the live speaker mixer and decoder threads run was seen to hang (about one
     * leave in twenty on a loaded machine), so chains are only torn down with the whole
     * pipeline.
     */
    void stop() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
        }
        // Waits for a pad-added callback in progress (it holds no lock we need from here on).
        org.freedesktop.gstreamer.StateChangeReturn r = bin.setState(State.NULL);
        if (r == org.freedesktop.gstreamer.StateChangeReturn.FAILURE) log.warn("Feed {}: webrtcbin refused to stop", feed);
        pipeline.remove(bin);
        bin.dispose();
        log.info("Feed {}: stopped", feed);
    }

    /** Releases everything; the pipeline must already be in NULL. */
    void dispose() {
        stop();
        for (Bin chain : chains) chain.setState(State.NULL);
        for (Pad p : mixerPads) mixer.releaseRequestPad(p);
        for (Bin chain : chains) pipeline.remove(chain);
        for (Bin chain : chains) chain.dispose();
        chains.clear();
        mixerPads.clear();
        keep.clear();
    }
}
