package vn.diemcau.appliance.call;

import java.util.Optional;

/**
 * A conference the room joins: publishes the room's camera and microphone and plays the
 * designated feeds. The real implementation is Janus VideoRoom over GStreamer
 * ({@code vn.diemcau.appliance.conference.JanusConference}); tests use a fake.
 *
 * <p>All methods return at once; outcomes arrive on the {@link ConferenceListener} given to
 * {@link #join}, from any thread (the call state machine moves them onto its own thread).
 * At most one join is active; {@code join} while joined first leaves.
 */
public interface Conference extends AutoCloseable {

    /** Starts joining; reports {@code joined}, or {@code failed}. */
    void join(JoinRequest request, ConferenceListener listener);

    /** Leaves the current conference, if any; reports {@code left}. Idempotent. */
    void leave();

    /** Tears down and rebuilds the media pipelines, rejoining if in a call. */
    void restartMedia();

    /**
     * Mutes (or unmutes) the room's microphone in what is published, now and in any rejoin, until
     * unmuted; the audio stream keeps flowing (silence), so the far end sees no renegotiation.
     */
    void setMuted(boolean muted);

    /** Latest outgoing/incoming call statistics, if in a call. */
    Optional<CallStats> stats();

    /** Releases every native resource. Idempotent. */
    @Override
    void close();
}
