package vn.diemcau.hub.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.storage.Database;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.ConferenceView;
import vn.diemcau.protocol.UpcomingSession;
import vn.diemcau.protocol.testing.FakeClock;

/** The schedule's rules and its ticker, driven by a {@link FakeClock} over SQLite in a temp dir. */
@Timeout(60)
class SessionScheduleTest {
  private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock(T0);
  private Database db;
  private ScheduleRig rig;

  @BeforeEach
  void open() {
    db = Database.open(new Database.Location.SqliteFile(dir.resolve("hub.db")));
    rig = new ScheduleRig(db, clock);
    rig.register("xa-an-phu-01", "An Phú");
    rig.register("xa-an-phu-02", "An Phú");
    rig.register("xa-binh-minh-01", "Bình Minh");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static HubException.Kind kind(Throwable t) {
    return ((HubException) t).kind();
  }

  private static String field(Throwable t) {
    return ((HubException) t).field().orElse("");
  }

  @Test
  void newSession_junkTitleOrDuration_refusedNamingTheField() {
    assertThatThrownBy(() -> ScheduleRig.session("  ", T0, 60, null)).satisfies(e -> assertThat(field(e)).isEqualTo("title"))
        .hasMessageContaining("title is required");
    assertThatThrownBy(() -> ScheduleRig.session("x".repeat(201), T0, 60, null))
        .satisfies(e -> assertThat(field(e)).isEqualTo("title")).hasMessageContaining("at most 200");
    assertThatThrownBy(() -> ScheduleRig.session("Tiếp dân", T0, 14, null))
        .satisfies(e -> assertThat(field(e)).isEqualTo("durationMinutes")).hasMessageContaining("between 15 and 720");
    assertThatThrownBy(() -> ScheduleRig.session("Tiếp dân", T0, 721, null))
        .satisfies(e -> assertThat(field(e)).isEqualTo("durationMinutes"));
    assertThat(ScheduleRig.session(" Tiếp dân ", T0, 15, " ").title()).isEqualTo("Tiếp dân");
    assertThat(ScheduleRig.session("Tiếp dân", T0, 720, " ").commune()).isEmpty();
  }

  @Test
  void schedule_pastStartOrUnknownCommune_refusedNamingTheField() {
    assertThatThrownBy(() -> rig.schedule.schedule(ScheduleRig.session("Cũ", T0.minus(Duration.ofMinutes(3)), 60, null),
        "op")).satisfies(e -> assertThat(field(e)).isEqualTo("startsAt")).hasMessageContaining("in the past");
    // Within the grace: accepted.
    assertThat(rig.schedule.schedule(ScheduleRig.session("Vừa xong", T0.minus(Duration.ofMinutes(1)), 30, null), "op")
        .state()).isEqualTo(SessionState.SCHEDULED);
    assertThatThrownBy(() -> rig.schedule.schedule(ScheduleRig.session("Xã lạ", T0.plus(Duration.ofHours(5)), 60,
        "Tân Lập"), "op")).satisfies(e -> assertThat(field(e)).isEqualTo("commune"))
        .hasMessageContaining("'Tân Lập' has no registered boxes").hasMessageContaining("An Phú");
  }

  @Test
  void schedule_overlapInSharedRooms_refusedNamingTheSession_otherCommunesAndAdjacentTimesAllowed() {
    Instant nine = T0.plus(Duration.ofHours(2));
    Session first = rig.schedule.schedule(ScheduleRig.session("Tiếp dân An Phú", nine, 60, "An Phú"), "op");
    assertThatThrownBy(() -> rig.schedule.schedule(ScheduleRig.session("Trùng giờ", nine.plus(Duration.ofMinutes(30)),
        60, "An Phú"), "op")).satisfies(e -> assertThat(kind(e)).isEqualTo(HubException.Kind.CONFLICT))
        .hasMessageContaining("overlaps session 'Tiếp dân An Phú' (" + first.id());
    assertThatThrownBy(() -> rig.schedule.schedule(ScheduleRig.session("Toàn tỉnh", nine.minus(Duration.ofMinutes(30)),
        45, null), "op")).hasMessageContaining("overlaps session 'Tiếp dân An Phú'");
    assertThat(rig.schedule.schedule(ScheduleRig.session("Bình Minh", nine, 60, "Bình Minh"), "op").state())
        .isEqualTo(SessionState.SCHEDULED);
    assertThat(rig.schedule.schedule(ScheduleRig.session("Liền sau", nine.plus(Duration.ofHours(1)), 60, "An Phú"), "op")
        .state()).isEqualTo(SessionState.SCHEDULED);
    // A cancelled session frees its time.
    rig.schedule.cancel(first.id(), "op");
    assertThat(rig.schedule.schedule(ScheduleRig.session("Thay thế", nine, 60, "An Phú"), "op").state())
        .isEqualTo(SessionState.SCHEDULED);
  }

  @Test
  void tick_startsAtStartsAt_joinsOnlyTheCommunesEnabledRooms_andEndsAtEndsAt() {
    rig.registry.setEnabled("xa-an-phu-02", false);
    Instant start = T0.plus(Duration.ofMinutes(10));
    Session s = rig.schedule.schedule(new NewSession("Tiếp công dân định kỳ", start, Duration.ofMinutes(30),
        Optional.of("An Phú"), Optional.of(ConferenceView.ALL)), "op");

    // Before the start: the commune's rooms show it as upcoming, nothing is sent.
    UpcomingSession next = new UpcomingSession("Tiếp công dân định kỳ", start);
    assertThat(rig.desiredOf("xa-an-phu-01")).last().satisfies(d -> {
      assertThat(d.upcoming()).contains(next);
      assertThat(d.session()).isEmpty();
    });
    assertThat(rig.desiredOf("xa-binh-minh-01")).isEmpty();
    clock.advance(Duration.ofMinutes(9));
    rig.schedule.tick();
    assertThat(rig.commands("xa-an-phu-01")).isEmpty();
    int desiredBefore = rig.desiredOf("xa-an-phu-01").size();
    rig.schedule.tick();
    assertThat(rig.desiredOf("xa-an-phu-01")).hasSize(desiredBefore); // nothing new: nothing published

    clock.advance(Duration.ofMinutes(1));
    rig.schedule.tick();
    Session live = rig.schedule.find(s.id()).orElseThrow();
    assertThat(live.state()).isEqualTo(SessionState.LIVE);
    assertThat(live.startedAt()).contains(start);
    assertThat(live.startedBy()).contains(SessionSchedule.SCHEDULER);
    assertThat(live.boxes()).containsExactly("xa-an-phu-01");
    assertThat(rig.commands("xa-an-phu-01")).singleElement().isInstanceOfSatisfying(Command.Join.class, j -> {
      assertThat(j.view()).contains(ConferenceView.ALL);
      assertThat(j.room()).isEqualTo("1234");
      assertThat(j.displayName()).isEqualTo("Phòng xa-an-phu-01");
    });
    assertThat(rig.commands("xa-an-phu-02")).isEmpty();
    assertThat(rig.commands("xa-binh-minh-01")).isEmpty();
    assertThat(rig.desiredOf("xa-an-phu-01")).last().satisfies(d -> {
      assertThat(d.session()).hasValueSatisfying(j -> assertThat(j.view()).contains(ConferenceView.ALL));
      assertThat(d.upcoming()).isEmpty();
    });
    rig.schedule.tick(); // a later tick sends nothing again
    assertThat(rig.commands("xa-an-phu-01")).hasSize(1);

    clock.advance(Duration.ofMinutes(30));
    rig.schedule.tick();
    Session ended = rig.schedule.find(s.id()).orElseThrow();
    assertThat(ended.state()).isEqualTo(SessionState.ENDED);
    assertThat(ended.endedAt()).contains(start.plus(Duration.ofMinutes(30)));
    assertThat(rig.commands("xa-an-phu-01")).last().isInstanceOf(Command.Leave.class);
    assertThat(rig.desiredOf("xa-an-phu-01")).last().satisfies(d -> assertThat(d.session()).isEmpty());
    assertThat(rig.audit.list(Optional.empty(), Optional.empty(), Optional.of("session:" + s.id()), 10))
        .extracting(e -> e.action() + " " + e.actor())
        .containsExactlyInAnyOrder("session.schedule op", "session.start scheduler", "session.end scheduler");
  }

  @Test
  void startEndCancel_manual_onlyFromTheRightState() {
    Session a = rig.schedule.schedule(ScheduleRig.session("Sáng", T0.plus(Duration.ofHours(1)), 60, "An Phú"), "op");
    Session b = rig.schedule.schedule(ScheduleRig.session("Chiều", T0.plus(Duration.ofHours(5)), 60, "An Phú"), "op");
    assertThatThrownBy(() -> rig.schedule.end(a.id(), "op")).satisfies(e -> assertThat(kind(e))
        .isEqualTo(HubException.Kind.CONFLICT)).hasMessageContaining("cancel a scheduled one");
    assertThat(rig.desiredOf("xa-an-phu-01")).last().satisfies(d -> assertThat(d.upcoming().orElseThrow().title())
        .isEqualTo("Sáng"));

    Session live = rig.schedule.start(a.id(), "dieuhanh");
    assertThat(live.state()).isEqualTo(SessionState.LIVE);
    assertThat(live.startedAt()).contains(T0);
    assertThat(rig.commands("xa-an-phu-01")).singleElement().isInstanceOf(Command.Join.class);
    assertThat(rig.desiredOf("xa-an-phu-01")).last().satisfies(d -> {
      assertThat(d.session()).isPresent();
      assertThat(d.upcoming().orElseThrow().title()).isEqualTo("Chiều");
    });
    assertThatThrownBy(() -> rig.schedule.start(a.id(), "op")).hasMessageContaining("is LIVE");
    assertThatThrownBy(() -> rig.schedule.cancel(a.id(), "op")).hasMessageContaining("end a live one");

    assertThat(rig.schedule.end(a.id(), "dieuhanh").state()).isEqualTo(SessionState.ENDED);
    assertThat(rig.commands("xa-an-phu-01")).last().isInstanceOf(Command.Leave.class);
    assertThat(rig.schedule.cancel(b.id(), "dieuhanh").state()).isEqualTo(SessionState.CANCELLED);
    assertThat(rig.desiredOf("xa-an-phu-01")).last().satisfies(d -> {
      assertThat(d.upcoming()).isEmpty();
      assertThat(d.session()).isEmpty();
    });
    assertThatThrownBy(() -> rig.schedule.start("no-such-id", "op")).satisfies(e -> assertThat(kind(e))
        .isEqualTo(HubException.Kind.NOT_FOUND));
  }

  @Test
  void reschedule_movesTheUpcomingToTheNewScope_underTheSameRules_onlyWhileScheduled() {
    Instant at = T0.plus(Duration.ofHours(2));
    Session s = rig.schedule.schedule(ScheduleRig.session("Tiếp dân", at, 60, "An Phú"), "op");
    Session other = rig.schedule.schedule(ScheduleRig.session("Bình Minh sáng", at, 60, "Bình Minh"), "op");
    assertThat(rig.desiredOf("xa-an-phu-01")).last().satisfies(d -> assertThat(d.upcoming()).isPresent());

    assertThatThrownBy(() -> rig.schedule.reschedule(s.id(), ScheduleRig.session("Tiếp dân", at, 60, "Bình Minh"), "op"))
        .hasMessageContaining("overlaps session 'Bình Minh sáng' (" + other.id());
    assertThatThrownBy(() -> rig.schedule.reschedule(s.id(), ScheduleRig.session("Tiếp dân", T0.minus(Duration.ofHours(1)),
        60, "An Phú"), "op")).satisfies(e -> assertThat(field(e)).isEqualTo("startsAt"));
    // Moving within its own time window does not overlap itself.
    Session moved = rig.schedule.reschedule(s.id(), new NewSession("Tiếp dân (dời giờ)", at.plus(Duration.ofMinutes(30)),
        Duration.ofMinutes(90), Optional.of("An Phú"), Optional.empty()), "lanhdao");
    assertThat(moved).isEqualTo(rig.schedule.find(s.id()).orElseThrow());
    assertThat(moved.startsAt()).isEqualTo(at.plus(Duration.ofMinutes(30)));
    rig.schedule.cancel(other.id(), "op");
    moved = rig.schedule.reschedule(s.id(), new NewSession("Tiếp dân (dời giờ)", at, Duration.ofMinutes(90),
        Optional.of("Bình Minh"), Optional.of(ConferenceView.ALL)), "lanhdao");
    assertThat(moved.commune()).contains("Bình Minh");
    assertThat(moved.view()).isEqualTo(ConferenceView.ALL);
    assertThat(moved.endsAt()).isEqualTo(at.plus(Duration.ofMinutes(90)));
    assertThat(rig.desiredOf("xa-an-phu-01")).last().satisfies(d -> assertThat(d.upcoming()).isEmpty());
    assertThat(rig.desiredOf("xa-binh-minh-01")).last().satisfies(d -> assertThat(d.upcoming())
        .contains(new UpcomingSession("Tiếp dân (dời giờ)", at)));
    assertThat(rig.audit.list(Optional.empty(), Optional.of("lanhdao"), Optional.empty(), 10))
        .extracting(e -> e.action()).contains("session.change");

    rig.schedule.start(s.id(), "op");
    assertThatThrownBy(() -> rig.schedule.reschedule(s.id(), ScheduleRig.session("Muộn", at, 60, null), "op"))
        .hasMessageContaining("only a SCHEDULED session can be changed");
  }

  @Test
  void startNow_wouldOverlapAnotherSessionOfTheSameRooms_refused() {
    Session early = rig.schedule.schedule(ScheduleRig.session("Sớm", T0.plus(Duration.ofMinutes(20)), 30, "An Phú"), "op");
    Session later = rig.schedule.schedule(ScheduleRig.session("Muộn", T0.plus(Duration.ofHours(1)), 30, null), "op");
    assertThatThrownBy(() -> rig.schedule.start(later.id(), "op")).satisfies(e -> assertThat(kind(e))
        .isEqualTo(HubException.Kind.CONFLICT)).hasMessageContaining("'Sớm' (" + early.id());
    assertThat(rig.schedule.start(early.id(), "op").state()).isEqualTo(SessionState.LIVE);
  }

  @Test
  void restart_catchesUp_aDueSessionStarts_aSessionWhoseWindowPassedIsMissed() {
    Session due = rig.schedule.schedule(ScheduleRig.session("Đến giờ", T0.plus(Duration.ofMinutes(10)), 60, "An Phú"), "op");
    Session gone = rig.schedule.schedule(ScheduleRig.session("Đã qua", T0.plus(Duration.ofMinutes(5)), 15, "Bình Minh"),
        "op");
    // The hub is down from T0 to T0 + 30 min; a new schedule over the same database takes over.
    clock.advance(Duration.ofMinutes(30));
    ScheduleRig again = new ScheduleRig(db, clock);
    again.schedule.tick();
    assertThat(again.schedule.find(due.id()).orElseThrow().state()).isEqualTo(SessionState.LIVE);
    assertThat(again.commands("xa-an-phu-01")).singleElement().isInstanceOf(Command.Join.class);
    assertThat(again.schedule.find(gone.id()).orElseThrow().state()).isEqualTo(SessionState.MISSED);
    assertThat(again.commands("xa-binh-minh-01")).isEmpty();
    assertThat(again.schedule.list(Duration.ofDays(1), Optional.empty(), Optional.empty(), 10)).hasSize(2);
    assertThat(again.schedule.list(Duration.ofDays(1), Optional.of(SessionState.MISSED), Optional.empty(), 10))
        .extracting(Session::title).containsExactly("Đã qua");
  }
}
