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
import vn.diemcau.protocol.UpcomingSession;
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

  /** Publishes a new version of the desired state (the upcoming session is kept); returns it. */
  public DesiredState set(String boxId, Optional<Command.Join> session, Optional<BoxConfig> config, String actor) {
    DesiredState state = write(boxId, cur -> Optional.of(new DesiredState(1, clock.instant(), session, config,
        cur.flatMap(DesiredState::upcoming)))).orElseThrow();
    audit.record(actor, "desired.set", boxId, "version " + state.version() + session.map(j -> ", session " + j.room()).orElse("")
        + config.map(c -> ", config").orElse(""), "published");
    return state;
  }

  /** A new version with this session (present: be in it; empty: leave), keeping config and upcoming. */
  public DesiredState setSession(String boxId, Optional<Command.Join> session, String actor) {
    DesiredState state = write(boxId, cur -> Optional.of(new DesiredState(1, clock.instant(), session,
        cur.flatMap(DesiredState::config), cur.flatMap(DesiredState::upcoming)))).orElseThrow();
    audit.record(actor, "desired.set", boxId, "version " + state.version()
        + session.map(j -> ", session " + j.room()).orElse(", no session"), "published");
    return state;
  }

  /**
   * A new version announcing {@code upcoming} (the next session scheduled for the box's room),
   * keeping session and config; nothing is published when it is already the desired upcoming.
   */
  public Optional<DesiredState> setUpcoming(String boxId, Optional<UpcomingSession> upcoming) {
    return write(boxId, cur -> cur.flatMap(DesiredState::upcoming).equals(upcoming) ? Optional.empty()
        : Optional.of(new DesiredState(1, clock.instant(), cur.flatMap(DesiredState::session),
            cur.flatMap(DesiredState::config), upcoming)));
  }

  /** The desired state last published for the box, if any. */
  public Optional<DesiredState> current(String boxId) {
    return jdbc.queryOne("SELECT desired FROM box_state WHERE box_id = ?", rs -> Optional.ofNullable(rs.getString(1)),
        boxId).flatMap(d -> d).map(DesiredStates::decode);
  }

  /**
   * Reads the current desired state, lets {@code next} derive the new one (its version is replaced
   * by the next version number; empty: no change), stores and publishes it.
   */
  private Optional<DesiredState> write(String boxId,
      java.util.function.Function<Optional<DesiredState>, Optional<DesiredState>> next) {
    Optional<DesiredState> written = jdbc.inTransaction(() -> {
      Optional<DesiredState> cur = jdbc.queryOne("SELECT desired FROM box_state WHERE box_id = ?",
          rs -> Optional.ofNullable(rs.getString(1)), boxId).flatMap(d -> d).map(DesiredStates::decode);
      Optional<DesiredState> n = next.apply(cur);
      if (n.isEmpty()) {
        return Optional.<DesiredState>empty();
      }
      ensureRow(boxId);
      long version = jdbc.queryLong("SELECT desired_version FROM box_state WHERE box_id = ?", boxId) + 1;
      DesiredState s = new DesiredState(version, n.get().at(), n.get().session(), n.get().config(), n.get().upcoming());
      jdbc.update("UPDATE box_state SET desired_version = ?, desired = ? WHERE box_id = ?", version,
          new String(ProtocolCodec.encode(s), StandardCharsets.UTF_8), boxId);
      return Optional.of(s);
    });
    written.ifPresent(s -> publisher.publish(OutboundMessage.of(Topics.of(DeviceId.of(boxId), Channel.DESIRED),
        ProtocolCodec.encode(s), 1, true)));
    return written;
  }

  private static DesiredState decode(String json) {
    return ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), DesiredState.class);
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
