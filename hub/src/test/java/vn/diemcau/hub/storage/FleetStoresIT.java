package vn.diemcau.hub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.diemcau.hub.audit.AuditLog;
import vn.diemcau.hub.commands.CommandCenter;
import vn.diemcau.hub.commands.CommandState;
import vn.diemcau.hub.commands.DesiredStates;
import vn.diemcau.hub.health.AlertBook;
import vn.diemcau.hub.health.AlertKind;
import vn.diemcau.hub.health.HealthMonitor;
import vn.diemcau.hub.health.TelemetryStore;
import vn.diemcau.hub.health.Thresholds;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.hub.mqtt.OutboundMessage;
import vn.diemcau.hub.presence.PresenceState;
import vn.diemcau.hub.presence.PresenceTracker;
import vn.diemcau.hub.testing.Databases;
import vn.diemcau.protocol.testing.FakeClock;
import vn.diemcau.hub.testing.LazyPostgres;
import vn.diemcau.hub.testing.TestBox;
import vn.diemcau.protocol.Birth;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ReplyStage;
import vn.diemcau.protocol.Status;

/** Presence, telemetry, alerts, commands and desired state on SQLite and PostgreSQL, across a "restart". */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FleetStoresIT {
  @RegisterExtension static final LazyPostgres PG = new LazyPostgres();

  @TempDir Path tmp;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-30T08:15:00Z"));

  @ParameterizedTest
  @EnumSource(Databases.class)
  void presenceAndAlerts_persistAcrossRestart(Databases kind) throws Exception {
    try (Database db = kind.open(tmp, PG)) {
      PresenceTracker presence = new PresenceTracker(db.jdbc(), clock);
      AlertBook alerts = new AlertBook(db.jdbc(), clock);
      presence.addListener(new HealthMonitor(alerts, Thresholds.defaults())::onPresence);
      Instant connect = clock.instant();
      presence.onStatus("xa-1", new Status(Presence.ONLINE, connect, "boot-1", Optional.of(
          new Birth("1.2.3", "Raspberry Pi 5", java.util.Set.of("camera"), 4, connect))));
      presence.seen("xa-1", clock.instant().plusSeconds(5));
      presence.flushLastSeen();
      clock.advance(Duration.ofMinutes(1));
      // An earlier connection's Will arriving late is ignored.
      presence.onStatus("xa-1", new Status(Presence.OFFLINE, connect.minusSeconds(60), "boot-0", Optional.empty()));
      assertThat(presence.get("xa-1").state()).isEqualTo(PresenceState.ONLINE);
      presence.onStatus("xa-1", new Status(Presence.OFFLINE, connect, "boot-1", Optional.empty()));
      assertThat(alerts.isOpen("xa-1", AlertKind.OFFLINE)).isTrue();

      PresenceTracker again = new PresenceTracker(db.jdbc(), clock);
      assertThat(again.get("xa-1").state()).isEqualTo(PresenceState.OFFLINE);
      assertThat(again.get("xa-1").softwareVersion()).contains("1.2.3");
      assertThat(again.get("xa-1").lastSeen()).contains(connect.plusSeconds(5));
      AlertBook alertsAgain = new AlertBook(db.jdbc(), clock);
      assertThat(alertsAgain.isOpen("xa-1", AlertKind.OFFLINE)).isTrue();
      alertsAgain.close("xa-1", AlertKind.OFFLINE);
      assertThat(alertsAgain.history(Instant.EPOCH, Optional.of("xa-1"), 10)).singleElement()
          .satisfies(a -> assertThat(a.closedAt()).isPresent());
    }
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void telemetry_rawHourlyAndRetention(Databases kind) throws Exception {
    try (Database db = kind.open(tmp, PG)) {
      TelemetryStore t = new TelemetryStore(db.jdbc(), clock, Duration.ofDays(7), Duration.ofDays(400));
      for (double temp : new double[] {50, 70, 60}) {
        var sample = TestBox.telemetry(temp, true);
        t.record("xa-1", sample, ProtocolCodec.encode(sample));
        clock.advance(Duration.ofSeconds(10));
      }
      t.flush();
      assertThat(t.raw("xa-1", Instant.EPOCH, clock.instant(), 100)).hasSize(3);
      var hour = t.hourly("xa-1", Instant.EPOCH, clock.instant()).getFirst();
      assertThat(hour.samples()).isEqualTo(3);
      assertThat(hour.cpuTemperatureAvgC()).contains(60.0);
      assertThat(hour.cpuTemperatureMaxC()).contains(70.0);
      assertThat(hour.packetLossMaxPercent()).isEmpty();
      assertThat(new TelemetryStore(db.jdbc(), clock, Duration.ofDays(7), Duration.ofDays(400)).latest("xa-1"))
          .hasValueSatisfying(l -> assertThat(l.telemetry().at("/system/cpuTemperatureC").asDouble()).isEqualTo(60));
      clock.advance(Duration.ofDays(8));
      assertThat(t.purge()).isEqualTo(3);
      assertThat(t.hourly("xa-1", Instant.EPOCH, clock.instant())).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void commands_lifecycleTimeoutsAndResume(Databases kind) throws Exception {
    try (Database db = kind.open(tmp, PG)) {
      List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
      HubMetrics metrics = new HubMetrics();
      AuditLog audit = new AuditLog(db.jdbc(), clock);
      CommandCenter commands = new CommandCenter(db.jdbc(), clock, sent::add, audit, metrics);
      var batch = commands.issue(List.of("xa-1", "xa-2", "xa-3"), new Command.Identify(5), "op", Duration.ofSeconds(30),
          Duration.ofSeconds(60), Optional.of("batch-1"));
      assertThat(sent).hasSize(3);
      assertThat(sent.getFirst().responseTopic()).contains("diemcau/v1/box/xa-1/reply");
      assertThat(sent.getFirst().messageExpirySeconds()).contains(30L);
      assertThat(commands.issue(List.of("xa-1"), new Command.Identify(5), "op", Duration.ofSeconds(30),
          Duration.ofSeconds(60), Optional.of("batch-1")).commands()).hasSize(3);
      assertThat(sent).hasSize(3);

      String c1 = batch.commands().get(0).id();
      String c2 = batch.commands().get(1).id();
      String c3 = batch.commands().get(2).id();
      commands.onReply("xa-1", CommandReply.of(c1, ReplyStage.ACCEPTED, clock.instant()));
      commands.onReply("xa-1", CommandReply.of(c1, ReplyStage.SUCCEEDED, clock.instant()));
      commands.onReply("xa-1", CommandReply.of(c1, ReplyStage.FAILED, clock.instant(), "late duplicate"));
      commands.onReply("xa-3", CommandReply.of(c2, ReplyStage.ACCEPTED, clock.instant()));
      commands.onReply("xa-2", CommandReply.of(c2, ReplyStage.ACCEPTED, clock.instant()));
      assertThat(commands.find(c1).orElseThrow().state()).isEqualTo(CommandState.SUCCEEDED);
      assertThat(commands.find(c2).orElseThrow().state()).isEqualTo(CommandState.ACCEPTED);
      assertThat(metrics.count("diemcau_mqtt_bad_messages_total", "reply-wrong-box")).isEqualTo(1);

      // A restart resumes the open ones; then the clock runs past expiry and deadline.
      CommandCenter resumed = new CommandCenter(db.jdbc(), clock, sent::add, audit, metrics);
      assertThat(resumed.openCount()).isEqualTo(2);
      clock.advance(Duration.ofSeconds(31));
      resumed.sweep();
      assertThat(resumed.find(c3).orElseThrow().state()).isEqualTo(CommandState.EXPIRED);
      assertThat(resumed.find(c2).orElseThrow().state()).isEqualTo(CommandState.ACCEPTED);
      clock.advance(Duration.ofSeconds(30));
      resumed.sweep();
      assertThat(resumed.find(c2).orElseThrow().state()).isEqualTo(CommandState.TIMED_OUT);
      assertThat(resumed.list(Optional.empty(), Optional.of(CommandState.SUCCEEDED), 10)).hasSize(1);
      assertThat(audit.list(Optional.empty(), Optional.of("op"), Optional.empty(), 100)).extracting(e -> e.outcome())
          .contains("sent", "succeeded", "expired", "timed_out");
    }
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void desiredState_versionedRetainedAndReported(Databases kind) throws Exception {
    try (Database db = kind.open(tmp, PG)) {
      List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
      DesiredStates desired = new DesiredStates(db.jdbc(), clock, sent::add, new AuditLog(db.jdbc(), clock));
      var join = new Command.Join(java.net.URI.create("https://janus.example/janus"), "room-1", "", "Xã An Phú");
      assertThat(desired.set("xa-1", Optional.of(join), Optional.empty(), "op").version()).isEqualTo(1);
      assertThat(desired.set("xa-1", Optional.empty(), Optional.empty(), "op").version()).isEqualTo(2);
      assertThat(sent).hasSize(2).allSatisfy(m -> assertThat(m.retained()).isTrue());
      var reported = new vn.diemcau.protocol.ReportedState(2, clock.instant(), vn.diemcau.protocol.CallState.IDLE,
          Optional.empty(), Optional.empty(), false);
      desired.onReported("xa-1", reported, ProtocolCodec.encode(reported));
      var twin = desired.twin("xa-1");
      assertThat(twin.desiredVersion()).isEqualTo(2);
      assertThat(twin.reported().orElseThrow().get("appliedConfigVersion").asLong()).isEqualTo(2);
      assertThat(Map.of("k", twin.desired().orElseThrow().get("version").asLong())).containsEntry("k", 2L);
    }
  }
}
