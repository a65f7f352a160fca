package vn.diemcau.appliance.fleet;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th delay is drawn uniformly from [cap/2, cap] where
 * cap = min(max, min × 2ⁿ), so a province's boxes do not all reconnect in the same second after
 * the hub restarts. Not thread-safe.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private final RandomGenerator random;
    private int failures;

    Backoff(Duration min, Duration max, RandomGenerator random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max, was " + min + ", " + max);
        }
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the cap up to {@code max}. */
    Duration next() {
        long capMs = Math.min(max.toMillis(), min.toMillis() << Math.min(failures, 30));
        failures++;
        long half = capMs / 2;
        return Duration.ofMillis(half + random.nextLong(capMs - half + 1));
    }

    void reset() {
        failures = 0;
    }
}
