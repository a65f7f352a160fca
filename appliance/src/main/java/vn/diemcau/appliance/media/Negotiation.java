package vn.diemcau.appliance.media;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.freedesktop.gstreamer.Promise;
import org.freedesktop.gstreamer.SDPMessage;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.webrtc.WebRTCBin;
import org.freedesktop.gstreamer.webrtc.WebRTCSDPType;
import org.freedesktop.gstreamer.webrtc.WebRTCSessionDescription;

/**
 * Offers, answers and stats over webrtcbin's action signals with promises we own (MEDIA-NOTES
 * pitfalls 2–4): the wrapper's createOffer/createAnswer dispose the promise too early, so we
 * emit the signal ourselves, copy the SDP text inside the callback and keep every promise
 * strongly reachable until {@link #close()} (Gst thread).
 */
final class Negotiation implements AutoCloseable {
    private final List<Promise> promises = new ArrayList<>();

    /** Emits {@code create-offer} or {@code create-answer}; {@code onSdp} gets the SDP text on a GStreamer thread. */
    void create(WebRTCBin bin, WebRTCSDPType type, Consumer<String> onSdp, Consumer<String> onError) {
        String field = type == WebRTCSDPType.OFFER ? "offer" : "answer";
        Promise p = new Promise(promise -> {
            try {
                Structure reply = promise.getReply();
                if (reply == null || !reply.hasField(field)) {
                    onError.accept("webrtcbin gave no " + field + (reply == null ? "" : ": " + reply));
                    return;
                }
                WebRTCSessionDescription d = (WebRTCSessionDescription) reply.getValue(field);
                String sdp = d.getSDPMessage().toString();
                d.disown();
                onSdp.accept(sdp);
            } catch (RuntimeException e) {
                onError.accept("reading the " + field + " failed: " + e);
            }
        });
        synchronized (promises) {
            promises.add(p);
        }
        bin.emit(type == WebRTCSDPType.OFFER ? "create-offer" : "create-answer", null, p);
    }

    /** Emits {@code get-stats}; {@code onStats} gets the reply's text form on a GStreamer thread. */
    void stats(WebRTCBin bin, Consumer<String> onStats) {
        Promise p = new Promise(promise -> {
            try {
                Structure reply = promise.getReply();
                onStats.accept(reply == null ? "" : reply.toString());
            } catch (RuntimeException e) {
                onStats.accept("");
            }
        });
        synchronized (promises) {
            promises.add(p);
        }
        bin.emit("get-stats", null, p);
    }

    /** A fresh description (webrtcbin takes ownership of it). */
    static WebRTCSessionDescription description(WebRTCSDPType type, String sdp) {
        SDPMessage m = new SDPMessage();
        m.parseBuffer(sdp);
        return new WebRTCSessionDescription(type, m);
    }

    @Override
    public void close() {
        synchronized (promises) {
            promises.forEach(Promise::dispose);
            promises.clear();
        }
    }
}
