package vn.diemcau.appliance;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.call.CallStats;
import vn.diemcau.appliance.call.Conference;
import vn.diemcau.appliance.call.ConferenceListener;
import vn.diemcau.appliance.call.JoinRequest;

/**
 * Conference kind {@code none}: no media at all, every join succeeds at once. For development,
 * demos of the button/LED/fleet behaviour and tests; the config refuses it unless {@code devMode}
 * is true, and every join logs a warning so it is never mistaken for a real call.
 */
final class NoMediaConference implements Conference {

    private static final Logger log = LoggerFactory.getLogger(NoMediaConference.class);

    private final AtomicBoolean joined = new AtomicBoolean();
    private volatile Optional<ConferenceListener> listener = Optional.empty();

    @Override
    public void join(JoinRequest request, ConferenceListener l) {
        log.warn("devMode conference 'none': pretending to join room {} at {} (no media is sent)", request.room(), request.server());
        listener = Optional.of(l);
        joined.set(true);
        l.joined(Duration.ZERO);
    }

    @Override
    public void leave() {
        joined.set(false);
        listener.ifPresent(ConferenceListener::left);
    }

    @Override
    public void restartMedia() {
        log.info("devMode conference 'none': nothing to restart");
    }

    @Override
    public void setMuted(boolean muted) {
        log.info("devMode conference 'none': microphone {} (no media is sent)", muted ? "muted" : "unmuted");
    }

    @Override
    public Optional<CallStats> stats() {
        return joined.get() ? Optional.of(new CallStats(0, 0, 0, 0, 0)) : Optional.empty();
    }

    @Override
    public void close() {
        joined.set(false);
    }
}
