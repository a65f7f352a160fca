package vn.diemcau.appliance.media;

/**
 * What a {@link MediaCall} tells its signalling side (the Janus client). Called from GStreamer
 * threads: implementations must only hand the value to their own executor.
 */
public interface CallSignals {

    /** The publisher's SDP offer, ready to send. */
    void publisherOffer(String sdp);

    /** A local ICE candidate of the publisher. */
    void publisherCandidate(int mlineIndex, String candidate);

    /** The SDP answer to a feed's offer, ready to send. */
    void subscriberAnswer(long feed, String sdp);

    /** A local ICE candidate of the subscription to {@code feed}. */
    void subscriberCandidate(long feed, int mlineIndex, String candidate);

    /** The media pipeline failed; the call cannot continue. */
    void mediaFailed(String reason);
}
