package vn.diemcau.hub.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.diemcau.hub.storage.Jdbc;

/** The append-only audit log: every administrative action and every command, with its outcome. */
public final class AuditLog {
  private final Jdbc jdbc;
  private final Clock clock;

  public AuditLog(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Queues the entry (committed by the database writer before any later read). */
  public AuditEntry record(String actor, String action, String target, String detail, String outcome) {
    AuditEntry e = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actor, action, target, detail, outcome);
    jdbc.updateLater("INSERT INTO audit_log (id, at, actor, action, target, detail, outcome) VALUES (?,?,?,?,?,?,?)",
        e.id(), e.at(), e.actor(), e.action(), e.target(), e.detail(), e.outcome());
    return e;
  }

  /** Newest first; every filter optional. */
  public List<AuditEntry> list(Optional<Instant> since, Optional<String> actor, Optional<String> target, int limit) {
    StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, target, detail, outcome FROM audit_log WHERE 1=1");
    List<Object> args = new ArrayList<>();
    since.ifPresent(s -> {
      sql.append(" AND at >= ?");
      args.add(s);
    });
    actor.ifPresent(a -> {
      sql.append(" AND actor = ?");
      args.add(a);
    });
    target.ifPresent(t -> {
      sql.append(" AND target = ?");
      args.add(t);
    });
    sql.append(" ORDER BY at DESC, id LIMIT ?");
    args.add(Math.max(1, Math.min(limit, 1000)));
    return jdbc.query(sql.toString(), rs -> new AuditEntry(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("at")),
        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
        rs.getString("outcome")), args.toArray());
  }
}
