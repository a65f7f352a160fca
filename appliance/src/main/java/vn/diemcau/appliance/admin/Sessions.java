package vn.diemcau.appliance.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions: a random id in an HttpOnly, Secure, SameSite=Strict cookie; each carries a CSRF
 * token. Anonymous sessions exist so the login and setup forms have CSRF tokens too; logging in
 * replaces the session (new id). A session ends after {@code idle} without requests or {@code max}
 * after it began. At most {@value #MAX_SESSIONS} are kept (oldest dropped).
 */
final class Sessions {
    static final String COOKIE = "diemcau_admin";
    static final int MAX_SESSIONS = 500;

    private final Clock clock;
    private final Duration idle;
    private final Duration max;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byId = new LinkedHashMap<>();

    Sessions(Clock clock, Duration idle, Duration max) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** One browser session; {@code authenticated} after login or first run. */
    record Session(String id, String csrf, boolean authenticated, Instant created, Instant lastUsed) {
    }

    /** The live session with this id, touched; empty if unknown or expired. */
    synchronized Optional<Session> find(String id) {
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (expired(s, now)) {
            byId.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.csrf(), s.authenticated(), s.created(), now);
        byId.put(id, touched);
        return Optional.of(touched);
    }

    /** The live session with this id, not touched (live views must not keep a session alive forever). */
    synchronized Optional<Session> peek(String id) {
        Session s = byId.get(id);
        return s == null || expired(s, clock.instant()) ? Optional.empty() : Optional.of(s);
    }

    synchronized Session create(boolean authenticated) {
        purge();
        Instant now = clock.instant();
        Session s = new Session(token(), token(), authenticated, now, now);
        byId.put(s.id(), s);
        return s;
    }

    synchronized void remove(String id) {
        byId.remove(id);
    }

    /** Ends every session (password change, factory reset). */
    synchronized void clear() {
        byId.clear();
    }

    Duration maxAge() {
        return max;
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastUsed().plus(idle)) || !now.isBefore(s.created().plus(max));
    }

    private void purge() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> expired(s, now));
        // A flood of anonymous visits must not push out a logged-in technician: drop anonymous ones first.
        Iterator<Session> oldest = byId.values().iterator();
        while (byId.size() >= MAX_SESSIONS && oldest.hasNext()) {
            if (!oldest.next().authenticated()) oldest.remove();
        }
        oldest = byId.values().iterator();
        while (byId.size() >= MAX_SESSIONS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private String token() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
