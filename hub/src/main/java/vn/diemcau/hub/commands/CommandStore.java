package vn.diemcau.hub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.diemcau.hub.storage.Jdbc;
import vn.diemcau.hub.storage.SqlNull;

/** Persistence of {@link CommandRecord}s. */
final class CommandStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = "id, batch_id, box_id, type, request, issued_by, issued_at, expires_at, "
      + "deadline_at, state, updated_at, reason, result";

  private final Jdbc jdbc;

  CommandStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Deferred, like {@link #update}: the caller waits for the commit ({@link Jdbc#awaitWrites}) when it must. */
  void insert(CommandRecord c) {
    jdbc.updateLater("INSERT INTO commands (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", c.id(), c.batchId(),
        c.boxId(), c.type(), c.request().toString(), c.issuedBy(), c.issuedAt(), c.expiresAt(), c.deadlineAt(),
        c.state().name(), c.updatedAt(), c.reason().<Object>map(s -> s).orElse(SqlNull.TEXT),
        c.result().<Object>map(JsonNode::toString).orElse(SqlNull.TEXT));
  }

  /** Deferred (the ingest lane that saw the reply does not wait for the database). */
  void update(CommandRecord c) {
    jdbc.updateLater("UPDATE commands SET state = ?, updated_at = ?, reason = ?, result = ? WHERE id = ?", c.state().name(),
        c.updatedAt(), c.reason().<Object>map(s -> s).orElse(SqlNull.TEXT),
        c.result().<Object>map(JsonNode::toString).orElse(SqlNull.TEXT), c.id());
  }

  Optional<CommandRecord> find(String id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM commands WHERE id = ?", CommandStore::map, id);
  }

  List<CommandRecord> batch(String batchId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM commands WHERE batch_id = ? ORDER BY box_id", CommandStore::map,
        batchId);
  }

  List<CommandRecord> open() {
    return jdbc.query("SELECT " + COLUMNS + " FROM commands WHERE state IN ('SENT', 'ACCEPTED')", CommandStore::map);
  }

  List<CommandRecord> list(Optional<String> boxId, Optional<CommandState> state, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM commands WHERE 1=1");
    List<Object> args = new ArrayList<>();
    boxId.ifPresent(b -> {
      sql.append(" AND box_id = ?");
      args.add(b);
    });
    state.ifPresent(s -> {
      sql.append(" AND state = ?");
      args.add(s.name());
    });
    sql.append(" ORDER BY issued_at DESC, id LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), CommandStore::map, args.toArray());
  }

  private static CommandRecord map(ResultSet rs) throws SQLException {
    String result = rs.getString("result");
    return new CommandRecord(rs.getString("id"), rs.getString("batch_id"), rs.getString("box_id"), rs.getString("type"),
        parse(rs.getString("request")), rs.getString("issued_by"), Instant.ofEpochMilli(rs.getLong("issued_at")),
        Instant.ofEpochMilli(rs.getLong("expires_at")), Instant.ofEpochMilli(rs.getLong("deadline_at")),
        CommandState.valueOf(rs.getString("state")), Instant.ofEpochMilli(rs.getLong("updated_at")),
        Optional.ofNullable(rs.getString("reason")), Optional.ofNullable(result).map(CommandStore::parse));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("stored command JSON is invalid", e);
    }
  }
}
