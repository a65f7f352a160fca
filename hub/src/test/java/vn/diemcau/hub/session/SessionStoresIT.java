package vn.diemcau.hub.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.diemcau.hub.storage.Database;
import vn.diemcau.hub.testing.Databases;
import vn.diemcau.hub.testing.LazyPostgres;
import vn.diemcau.protocol.ConferenceView;
import vn.diemcau.protocol.testing.FakeClock;

/** The session schedule's storage on SQLite and PostgreSQL: every field round-trips, state survives a "restart". */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionStoresIT {
  @RegisterExtension static final LazyPostgres PG = new LazyPostgres();

  @TempDir Path tmp;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T01:00:00.123Z"));

  @ParameterizedTest
  @EnumSource(Databases.class)
  void sessions_roundTripEveryField_andSurviveArestart(Databases kind) throws Exception {
    try (Database db = kind.open(tmp, PG)) {
      ScheduleRig rig = new ScheduleRig(db, clock);
      rig.register("xa-an-phu-01", "An Phú");
      rig.register("xa-binh-minh-01", "Bình Minh");
      Instant start = clock.instant().plus(Duration.ofMinutes(30));
      Session all = rig.schedule.schedule(new NewSession("Tiếp công dân định kỳ tháng 12 — Chủ tịch UBND tỉnh",
          start, Duration.ofHours(3), Optional.empty(), Optional.of(ConferenceView.ALL)), "op");
      Session commune = rig.schedule.schedule(ScheduleRig.session("Xã An Phú", start.plus(Duration.ofDays(1)), 45,
          "An Phú"), "op");
      Session cancelled = rig.schedule.schedule(ScheduleRig.session("Hủy", start.plus(Duration.ofDays(2)), 45,
          "Bình Minh"), "op");
      rig.schedule.cancel(cancelled.id(), "op");
      clock.advance(Duration.ofMinutes(30));
      rig.schedule.tick();
      Session live = rig.schedule.find(all.id()).orElseThrow();
      assertThat(live.boxes()).containsExactlyInAnyOrder("xa-an-phu-01", "xa-binh-minh-01");

      // A new schedule over the same database reads back exactly what was written.
      ScheduleRig again = new ScheduleRig(db, clock);
      assertThat(again.schedule.find(all.id())).contains(live);
      assertThat(again.schedule.find(commune.id())).contains(commune);
      Session c = again.schedule.find(cancelled.id()).orElseThrow();
      assertThat(c.state()).isEqualTo(SessionState.CANCELLED);
      assertThat(c.endedBy()).contains("op");
      assertThat(c.commune()).contains("Bình Minh");
      assertThat(again.schedule.active()).extracting(Session::id).containsExactly(all.id(), commune.id());
      assertThat(again.schedule.list(Duration.ofDays(1), Optional.empty(), Optional.of("An Phú"), 10))
          .extracting(Session::id).containsExactly(commune.id());

      clock.advance(Duration.ofHours(3));
      again.schedule.tick();
      Session ended = again.schedule.find(all.id()).orElseThrow();
      assertThat(ended.state()).isEqualTo(SessionState.ENDED);
      assertThat(ended.endedAt()).contains(all.endsAt());
      assertThat(ended.startedAt()).contains(start);
      assertThat(again.schedule.list(Duration.ofDays(1), Optional.of(SessionState.ENDED), Optional.empty(), 10))
          .extracting(Session::id).containsExactly(all.id());
      // The ended session's rooms: the commune session is now their next one.
      assertThat(again.desiredOf("xa-an-phu-01")).last().satisfies(d -> {
        assertThat(d.session()).isEmpty();
        assertThat(d.upcoming().orElseThrow().title()).isEqualTo("Xã An Phú");
      });
    }
  }
}
