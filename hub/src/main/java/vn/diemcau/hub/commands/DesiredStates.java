package vn.diemcau.hub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import vn.diemcau.hub.audit.AuditLog;
import vn.diemcau.hub.storage.Jdbc;
import vn.diemcau.protocol.BoxConfig;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.DesiredState;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ReportedState;
import vn.diemcau.protocol.Topics;
import vn.diemcau.hub.mqtt.OutboundMessage;

/**
 * Durable intent per box (the device-twin pattern): the hub publishes a versioned
 * {@link DesiredState} retained on the box's desired topic; the box reports what it applied,
 * retained on its reported topic. Both are kept in {@code box_state}.
 */
public final class DesiredStates {
  /** What the hub wants and what the box last reported. */
  public record Twin(String boxId, long desiredVersion, Optional<JsonNode> desired, Optional<JsonNode> reported) {}

  private static final String ENSURE_ROW = "INSERT INTO box_state (box_id, presence, presence_since) "
      + "VALUES (?, 'UNKNOWN', ?) ON CONFLICT (box_id) DO NOTHING";

  private final Jdbc jdbc;
  private final Clock clock;
  private final CommandCenter.Publisher publisher;
  private final AuditLog audit;

  public DesiredStates(Jdbc jdbc, Clock clock, CommandCenter.Publisher publisher, AuditLog audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.publisher = publisher;
    this.audit = audit;
  }

  /** Publishes a new version of the desired state; returns it. */
  public DesiredState set(String boxId, Optional<Command.Join> session, Optional<BoxConfig> config, String actor) {
    DesiredState state = jdbc.inTransaction(() -> {
      ensureRow(boxId);
      long version = jdbc.queryLong("SELECT desired_version FROM box_state WHERE box_id = ?", boxId) + 1;
      DesiredState s = new DesiredState(version, clock.instant(), session, config);
      jdbc.update("UPDATE box_state SET desired_version = ?, desired = ? WHERE box_id = ?", version,
          new String(ProtocolCodec.encode(s), StandardCharsets.UTF_8), boxId);
      return s;
    });
    DeviceId box = DeviceId.of(boxId);
    publisher.publish(OutboundMessage.of(Topics.of(box, Channel.DESIRED), ProtocolCodec.encode(state), 1, true));
    audit.record(actor, "desired.set", boxId, "version " + state.version() + session.map(j -> ", session " + j.room()).orElse("")
        + config.map(c -> ", config").orElse(""), "published");
    return state;
  }

  /** Deferred: the ingest lane does not wait for the database. */
  public void onReported(String boxId, ReportedState reported, byte[] json) {
    jdbc.updateLater(ENSURE_ROW, boxId, clock.instant());
    jdbc.updateLater("UPDATE box_state SET reported = ? WHERE box_id = ?", new String(json, StandardCharsets.UTF_8),
        boxId);
  }

  public Twin twin(String boxId) {
    return jdbc.queryOne("SELECT desired_version, desired, reported FROM box_state WHERE box_id = ?",
        rs -> new Twin(boxId, rs.getLong(1), Optional.ofNullable(rs.getString(2)).map(CommandStore::parse),
            Optional.ofNullable(rs.getString(3)).map(CommandStore::parse)), boxId)
        .orElse(new Twin(boxId, 0, Optional.empty(), Optional.empty()));
  }

  private void ensureRow(String boxId) {
    jdbc.update(ENSURE_ROW, boxId, clock.instant());
  }
}
