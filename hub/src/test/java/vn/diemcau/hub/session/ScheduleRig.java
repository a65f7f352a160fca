package vn.diemcau.hub.session;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.diemcau.hub.audit.AuditLog;
import vn.diemcau.hub.commands.CommandCenter;
import vn.diemcau.hub.commands.DesiredStates;
import vn.diemcau.hub.commands.SessionCommands;
import vn.diemcau.hub.config.HubConfig;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.hub.mqtt.OutboundMessage;
import vn.diemcau.hub.registry.BoxRegistry;
import vn.diemcau.hub.registry.HardwareKind;
import vn.diemcau.hub.registry.NewBox;
import vn.diemcau.hub.storage.Database;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.ConferenceView;
import vn.diemcau.protocol.DesiredState;
import vn.diemcau.protocol.ProtocolCodec;

/** The real schedule over a database: registry, command centre, desired states, audit; what it publishes is kept. */
final class ScheduleRig {
  static final HubConfig.Conference CONFERENCE = new HubConfig.Conference(
      Optional.of(URI.create("http://10.99.0.1:8088/janus")), "1234", "", "Trung tâm tiếp dân tỉnh",
      ConferenceView.CENTRE, Optional.empty());

  final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
  final BoxRegistry registry;
  final DesiredStates desired;
  final AuditLog audit;
  final SessionSchedule schedule;

  ScheduleRig(Database db, Clock clock) {
    registry = new BoxRegistry(db.jdbc(), clock);
    audit = new AuditLog(db.jdbc(), clock);
    CommandCenter commands = new CommandCenter(db.jdbc(), clock, sent::add, audit, new HubMetrics());
    desired = new DesiredStates(db.jdbc(), clock, sent::add, audit);
    schedule = new SessionSchedule(db.jdbc(), clock, registry, new SessionCommands(registry, CONFERENCE, commands,
        desired), desired, audit, ConferenceView.CENTRE, Duration.ofSeconds(60), Duration.ofSeconds(120));
  }

  void register(String id, String commune) {
    registry.register(new NewBox(id, "Phòng " + id, commune, "1", HardwareKind.PI5));
  }

  /** The commands published to {@code box}, oldest first. */
  List<Command> commands(String box) {
    return sent.stream().filter(m -> m.topic().equals("diemcau/v1/box/" + box + "/cmd"))
        .map(m -> ProtocolCodec.decode(m.payload(), CommandRequest.class).command()).toList();
  }

  /** The desired states published to {@code box}, oldest first. */
  List<DesiredState> desiredOf(String box) {
    return sent.stream().filter(m -> m.topic().equals("diemcau/v1/box/" + box + "/desired"))
        .map(m -> ProtocolCodec.decode(m.payload(), DesiredState.class)).toList();
  }

  static NewSession session(String title, java.time.Instant start, int minutes, String commune) {
    return new NewSession(title, start, Duration.ofMinutes(minutes), Optional.ofNullable(commune), Optional.empty());
  }
}
