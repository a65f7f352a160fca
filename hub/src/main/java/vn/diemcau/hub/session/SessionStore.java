package vn.diemcau.hub.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.diemcau.hub.storage.Jdbc;
import vn.diemcau.hub.storage.SqlNull;
import vn.diemcau.protocol.ConferenceView;

/** The {@code sessions} table. */
final class SessionStore {
  private static final String COLUMNS = "id, title, starts_at, ends_at, commune, conference_view, state, created_by, "
      + "created_at, started_at, started_by, ended_at, ended_by, boxes";

  private final Jdbc jdbc;

  SessionStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Session s) {
    jdbc.update("INSERT INTO sessions (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", s.id(), s.title(),
        s.startsAt(), s.endsAt(), text(s.commune()), s.view().name(), s.state().name(), s.createdBy(), s.createdAt(),
        instant(s.startedAt()), text(s.startedBy()), instant(s.endedAt()), text(s.endedBy()), String.join(",", s.boxes()));
  }

  /** Writes the new state of {@code s} only if it is still in {@code from}; false when someone else moved it first. */
  boolean transition(Session s, SessionState from) {
    return jdbc.update("UPDATE sessions SET state = ?, started_at = ?, started_by = ?, ended_at = ?, ended_by = ?, "
        + "boxes = ? WHERE id = ? AND state = ?", s.state().name(), instant(s.startedAt()), text(s.startedBy()),
        instant(s.endedAt()), text(s.endedBy()), String.join(",", s.boxes()), s.id(), from.name()) == 1;
  }

  /** Rewrites what a SCHEDULED session is (title, time, scope, view); false when it is no longer SCHEDULED. */
  boolean reschedule(Session s) {
    return jdbc.update("UPDATE sessions SET title = ?, starts_at = ?, ends_at = ?, commune = ?, conference_view = ? "
        + "WHERE id = ? AND state = 'SCHEDULED'", s.title(), s.startsAt(), s.endsAt(), text(s.commune()),
        s.view().name(), s.id()) == 1;
  }

  Optional<Session> find(String id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM sessions WHERE id = ?", SessionStore::map, id);
  }

  /** Sessions still to come or running (SCHEDULED, LIVE), earliest first. */
  List<Session> active() {
    return jdbc.query("SELECT " + COLUMNS + " FROM sessions WHERE state IN ('SCHEDULED', 'LIVE') ORDER BY starts_at, id",
        SessionStore::map);
  }

  /** Sessions whose window ends at or after {@code since} (any state), or still active; earliest first. */
  List<Session> since(Instant since, Optional<SessionState> state, Optional<String> commune, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
        + " FROM sessions WHERE (ends_at >= ? OR state IN ('SCHEDULED', 'LIVE'))");
    List<Object> args = new ArrayList<>(List.of(since));
    state.ifPresent(st -> {
      sql.append(" AND state = ?");
      args.add(st.name());
    });
    commune.ifPresent(c -> {
      sql.append(" AND commune = ?");
      args.add(c);
    });
    sql.append(" ORDER BY starts_at DESC, id LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), SessionStore::map, args.toArray());
  }

  private static Session map(ResultSet rs) throws SQLException {
    String boxes = rs.getString("boxes");
    return new Session(rs.getString("id"), rs.getString("title"), Instant.ofEpochMilli(rs.getLong("starts_at")),
        Instant.ofEpochMilli(rs.getLong("ends_at")), Optional.ofNullable(rs.getString("commune")),
        ConferenceView.valueOf(rs.getString("conference_view")), SessionState.valueOf(rs.getString("state")),
        rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")), Jdbc.instant(rs, "started_at"),
        Optional.ofNullable(rs.getString("started_by")), Jdbc.instant(rs, "ended_at"),
        Optional.ofNullable(rs.getString("ended_by")),
        boxes.isEmpty() ? List.of() : Arrays.asList(boxes.split(",")));
  }

  private static Object text(Optional<String> v) {
    return v.<Object>map(x -> x).orElse(SqlNull.TEXT);
  }

  private static Object instant(Optional<Instant> v) {
    return v.<Object>map(x -> x).orElse(SqlNull.BIGINT);
  }
}
