package vn.diemcau.appliance.admin;

import vn.diemcau.protocol.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginGuardTest {
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-30T03:00:00Z"));
    final LoginGuard guard = new LoginGuard(clock);

    @Test
    void failed_fiveTimes_locks_andEachFurtherFailureDoublesTheLockUpTo15Minutes() {
        for (int i = 0; i < 4; i++) guard.failed();
        assertThat(guard.locked()).isEmpty();
        guard.failed();
        assertThat(guard.locked()).contains(Duration.ofSeconds(30));
        Duration previous = Duration.ofSeconds(30);
        for (int i = 0; i < 8; i++) {
            clock.advance(guard.locked().orElseThrow());
            guard.failed();
            Duration lock = guard.locked().orElseThrow();
            assertThat(lock).isEqualTo(previous.multipliedBy(2).compareTo(LoginGuard.MAX_LOCK) > 0 ? LoginGuard.MAX_LOCK : previous.multipliedBy(2));
            previous = lock;
        }
        assertThat(previous).isEqualTo(LoginGuard.MAX_LOCK);
    }

    @Test
    void succeeded_clearsTheCount() {
        for (int i = 0; i < 4; i++) guard.failed();
        guard.succeeded();
        for (int i = 0; i < 4; i++) guard.failed();
        assertThat(guard.locked()).isEmpty();
    }
}
