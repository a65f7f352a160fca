package vn.diemcau.appliance.conference;

import java.time.Duration;
import java.util.Objects;
import vn.diemcau.appliance.call.JoinRequest;

/**
 * How {@link JanusConference} behaves.
 *
 * @param centrePrefix    feeds whose display name starts with this are played (the centre), e.g. "Trung tâm";
 *                        a join's {@link JoinRequest#centre()} overrides it for that call
 * @param playAll         play every other feed in the room instead ("all rooms"); a join's
 *                        {@link JoinRequest#view()} overrides it for that call
 * @param autoRejoin      after a retryable failure in a call, rejoin by itself with backoff
 * @param backoffInitial  first rejoin delay; doubles up to {@code backoffMax}
 * @param backoffMax      longest rejoin delay
 * @param requestTimeout  how long one Janus request (or its outcome event) may take
 * @param mediaTimeout    how long after {@code join} Janus must report media from the box
 * @param keepalive       session keepalive period (Janus times sessions out after 60 s)
 */
public record JanusOptions(String centrePrefix, boolean playAll, boolean autoRejoin, Duration backoffInitial,
                           Duration backoffMax, Duration requestTimeout, Duration mediaTimeout, Duration keepalive) {
    public JanusOptions {
        Objects.requireNonNull(centrePrefix, "centrePrefix");
        positive("backoffInitial", backoffInitial);
        positive("backoffMax", backoffMax);
        positive("requestTimeout", requestTimeout);
        positive("mediaTimeout", mediaTimeout);
        positive("keepalive", keepalive);
        if (backoffMax.compareTo(backoffInitial) < 0) throw new IllegalArgumentException("backoffMax < backoffInitial: " + backoffMax);
    }

    /** Plays the centre ("Trung tâm..."), rejoins by itself (1 s doubling to 30 s), 5 s requests, 10 s to media, 25 s keepalive. */
    public static JanusOptions defaults() {
        return new JanusOptions("Trung tâm", false, true, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(25));
    }

    public JanusOptions withPlayAll(boolean all) {
        return new JanusOptions(centrePrefix, all, autoRejoin, backoffInitial, backoffMax, requestTimeout, mediaTimeout, keepalive);
    }

    public JanusOptions withCentrePrefix(String prefix) {
        return new JanusOptions(prefix, playAll, autoRejoin, backoffInitial, backoffMax, requestTimeout, mediaTimeout, keepalive);
    }

    public JanusOptions withRejoin(boolean rejoin, Duration initial, Duration max) {
        return new JanusOptions(centrePrefix, playAll, rejoin, initial, max, requestTimeout, mediaTimeout, keepalive);
    }

    /** The view a call of {@code request} uses: the session's designation, else {@link #playAll()}. */
    public JoinRequest.View view(JoinRequest request) {
        return request.view().orElse(playAll ? JoinRequest.View.ALL : JoinRequest.View.CENTRE);
    }

    /** These options with the session's designation (view, centre) applied, for one call of {@code request}. */
    JanusOptions forCall(JoinRequest request) {
        return new JanusOptions(request.centre().orElse(centrePrefix), view(request) == JoinRequest.View.ALL, autoRejoin,
                backoffInitial, backoffMax, requestTimeout, mediaTimeout, keepalive);
    }

    boolean plays(String display) {
        return playAll || display.startsWith(centrePrefix);
    }

    private static void positive(String key, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) throw new IllegalArgumentException(key + " must be positive, got " + d);
    }
}
