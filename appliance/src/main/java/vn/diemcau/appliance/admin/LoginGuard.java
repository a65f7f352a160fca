package vn.diemcau.appliance.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lockout for the login and setup-code forms: after {@value #FREE_ATTEMPTS} failures in a row every
 * further attempt is refused until the lock ends; each failure after that doubles the lock
 * (30 s, 1 min, 2 min, ... up to 15 min). A success clears it. One guard for the whole box: there
 * is one admin account, and an attacker on the LAN can change addresses.
 */
final class LoginGuard {
    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private final Clock clock;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    LoginGuard(Clock clock) {
        this.clock = clock;
    }

    /** How long until the next attempt is allowed, if the guard is locked now. */
    synchronized Optional<Duration> locked() {
        Instant now = clock.instant();
        return now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    synchronized void failed() {
        failures++;
        if (failures >= FREE_ATTEMPTS) {
            int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
            Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
            if (lock.compareTo(MAX_LOCK) > 0) lock = MAX_LOCK;
            lockedUntil = clock.instant().plus(lock);
        }
    }

    synchronized void succeeded() {
        failures = 0;
        lockedUntil = Instant.MIN;
    }
}
