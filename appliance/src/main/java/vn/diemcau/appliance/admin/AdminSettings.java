package vn.diemcau.appliance.admin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the local admin page runs.
 *
 * @param stateDir           the box's state directory; the page keeps its certificate, password hash and setup code in {@code admin/} under it
 * @param bindAddresses      interfaces to listen on, e.g. {@code ["0.0.0.0"]} or {@code ["192.168.1.20"]}
 * @param httpsPort          HTTPS port; 0 picks a free one (tests)
 * @param httpPort           plain HTTP port that only redirects to HTTPS; 0 picks a free one, -1 for none
 * @param sessionIdle        a session unused this long ends
 * @param sessionMax         a session ends this long after login, used or not
 * @param passwordIterations PBKDF2 iterations for new password hashes
 * @param clock              time source (sessions, lockout)
 */
public record AdminSettings(Path stateDir, List<String> bindAddresses, int httpsPort, int httpPort,
                            Duration sessionIdle, Duration sessionMax, int passwordIterations, Clock clock) {
    public AdminSettings {
        Objects.requireNonNull(stateDir, "stateDir");
        bindAddresses = List.copyOf(bindAddresses);
        if (bindAddresses.isEmpty()) throw new IllegalArgumentException("bindAddresses must not be empty");
        if (httpsPort < 0 || httpsPort > 65535) throw new IllegalArgumentException("httpsPort out of range: " + httpsPort);
        if (httpPort < -1 || httpPort > 65535) throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        if (sessionIdle.isNegative() || sessionIdle.isZero()) throw new IllegalArgumentException("sessionIdle must be > 0");
        if (sessionMax.compareTo(sessionIdle) < 0) throw new IllegalArgumentException("sessionMax must be >= sessionIdle");
        if (passwordIterations < 1_000) throw new IllegalArgumentException("passwordIterations must be >= 1000, was " + passwordIterations);
        Objects.requireNonNull(clock, "clock");
    }

    /** Every interface, HTTPS on 8443 and the redirect on 8080, 15 min idle / 8 h sessions. */
    public static AdminSettings defaults(Path stateDir) {
        return new AdminSettings(stateDir, List.of("0.0.0.0"), 8443, 8080, Duration.ofMinutes(15), Duration.ofHours(8),
                210_000, Clock.systemUTC());
    }

    public Path adminDir() {
        return stateDir.resolve("admin");
    }

    public AdminSettings withPorts(int https, int http) {
        return new AdminSettings(stateDir, bindAddresses, https, http, sessionIdle, sessionMax, passwordIterations, clock);
    }

    public AdminSettings withBindAddresses(List<String> addresses) {
        return new AdminSettings(stateDir, addresses, httpsPort, httpPort, sessionIdle, sessionMax, passwordIterations, clock);
    }

    public AdminSettings withSessions(Duration idle, Duration max) {
        return new AdminSettings(stateDir, bindAddresses, httpsPort, httpPort, idle, max, passwordIterations, clock);
    }

    public AdminSettings withPasswordIterations(int iterations) {
        return new AdminSettings(stateDir, bindAddresses, httpsPort, httpPort, sessionIdle, sessionMax, iterations, clock);
    }

    public AdminSettings withClock(Clock newClock) {
        return new AdminSettings(stateDir, bindAddresses, httpsPort, httpPort, sessionIdle, sessionMax, passwordIterations, newClock);
    }
}
