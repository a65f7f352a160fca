package vn.diemcau.appliance.call;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Tunables of the {@link CallMachine}.
 *
 * @param retryInitial   delay before the first retry; doubles per attempt
 * @param retryMax       retry delay cap
 * @param maxAttempts    join attempts before giving up to {@link CallStatus.Failed}
 * @param joinTimeout    a join that has not succeeded by then is a retryable failure
 * @param leaveTimeout   a leave not confirmed by then is treated as done
 * @param defaultSession what a short press joins when the hub designated nothing
 */
public record CallPolicy(Duration retryInitial, Duration retryMax, int maxAttempts, Duration joinTimeout,
                         Duration leaveTimeout, Optional<JoinRequest> defaultSession) {
    public CallPolicy {
        Objects.requireNonNull(defaultSession, "defaultSession");
        if (retryInitial.isNegative() || retryInitial.isZero()) throw new IllegalArgumentException("retryInitial must be > 0, was " + retryInitial);
        if (retryMax.compareTo(retryInitial) < 0) throw new IllegalArgumentException("retryMax must be >= retryInitial, was " + retryMax);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        if (joinTimeout.isNegative() || joinTimeout.isZero()) throw new IllegalArgumentException("joinTimeout must be > 0, was " + joinTimeout);
        if (leaveTimeout.isNegative() || leaveTimeout.isZero()) throw new IllegalArgumentException("leaveTimeout must be > 0, was " + leaveTimeout);
    }

    /** Delay before attempt number {@code nextAttempt} (1-based): initial, initial, 2×, 4×, … capped. */
    Duration retryDelay(int nextAttempt) {
        int doublings = Math.max(0, Math.min(30, nextAttempt - 2));
        Duration d = retryInitial.multipliedBy(1L << doublings);
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
