package vn.diemcau.appliance.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import vn.diemcau.appliance.call.JoinRequest;

/**
 * Conference defaults.
 *
 * @param kind           which {@code Conference} implementation to build
 * @param defaultSession the session a short press joins when the hub designated none
 * @param retryInitial   first retry delay after a retryable failure
 * @param retryMax       retry delay cap
 * @param maxAttempts    attempts before giving up to ERROR (retryable failures too)
 * @param joinTimeout    a join that has not succeeded after this long counts as a retryable failure
 */
public record ConferenceSettings(Kind kind, Optional<JoinRequest> defaultSession, Duration retryInitial,
                                 Duration retryMax, int maxAttempts, Duration joinTimeout) {
    public ConferenceSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultSession, "defaultSession");
        if (retryInitial.isNegative() || retryInitial.isZero()) throw new ConfigException("conference.retryInitialMillis", "must be > 0");
        if (retryMax.compareTo(retryInitial) < 0) throw new ConfigException("conference.retryMaxMillis", "must be >= conference.retryInitialMillis");
        if (maxAttempts < 1) throw new ConfigException("conference.maxAttempts", "must be >= 1, was " + maxAttempts);
        if (joinTimeout.isNegative() || joinTimeout.isZero()) throw new ConfigException("conference.joinTimeoutSeconds", "must be > 0");
    }

    /** Conference implementations. */
    public enum Kind {
        /** Janus VideoRoom (the media package's {@code JanusConference}). */
        JANUS,
        /** No media: joins succeed at once. Development only; refused unless {@code devMode} is true. */
        NONE
    }
}
