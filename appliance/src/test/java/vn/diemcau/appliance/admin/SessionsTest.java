package vn.diemcau.appliance.admin;

import vn.diemcau.protocol.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-30T03:00:00Z"));
    final Sessions sessions = new Sessions(clock, Duration.ofMinutes(15), Duration.ofHours(8));

    @Test
    void create_floodOfAnonymousVisits_keepsTheLoggedInSession() {
        Sessions.Session admin = sessions.create(true);
        for (int i = 0; i < 5 * Sessions.MAX_SESSIONS; i++) sessions.create(false);
        assertThat(sessions.find(admin.id())).isPresent();
    }

    @Test
    void peek_doesNotExtendTheSession_butFindDoes() {
        Sessions.Session s = sessions.create(true);
        clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.peek(s.id())).isPresent();
        clock.advance(Duration.ofMinutes(6));
        assertThat(sessions.peek(s.id())).isEmpty();

        Sessions.Session t = sessions.create(true);
        clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.find(t.id())).isPresent();
        clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.find(t.id())).isPresent();
    }
}
