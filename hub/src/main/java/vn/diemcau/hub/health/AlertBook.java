package vn.diemcau.hub.health;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.storage.Jdbc;

/** Open and closed alerts; at most one open alert per box and kind. Open alerts are also kept in memory. */
public final class AlertBook {
  private static final Logger LOG = LoggerFactory.getLogger(AlertBook.class);
  private static final String COLUMNS = "id, box_id, kind, opened_at, closed_at, detail";

  private record Key(String boxId, AlertKind kind) {}

  private final Jdbc jdbc;
  private final Clock clock;
  private final Map<Key, Alert> open = new ConcurrentHashMap<>();
  private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

  public AlertBook(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    jdbc.query("SELECT " + COLUMNS + " FROM alerts WHERE closed_at IS NULL", AlertBook::map)
        .forEach(a -> open.put(new Key(a.boxId(), a.kind()), a));
  }

  /** Told about every alert opened or closed. */
  public void addListener(Consumer<Alert> l) {
    listeners.add(l);
  }

  /** Opens an alert unless one of this kind is open for the box. */
  public void open(String boxId, AlertKind kind, String detail) {
    Key k = new Key(boxId, kind);
    if (open.containsKey(k)) {
      return;
    }
    Alert a = new Alert(UUID.randomUUID().toString(), boxId, kind, clock.instant(), Optional.empty(), detail);
    jdbc.updateLater("INSERT INTO alerts (id, box_id, kind, opened_at, detail) VALUES (?,?,?,?,?)", a.id(), boxId,
        kind.name(), a.openedAt(), detail);
    open.put(k, a);
    LOG.info("Alert opened: {} {} ({})", boxId, kind, detail);
    listeners.forEach(l -> l.accept(a));
  }

  public void close(String boxId, AlertKind kind) {
    Alert a = open.remove(new Key(boxId, kind));
    if (a == null) {
      return;
    }
    Instant now = clock.instant();
    jdbc.updateLater("UPDATE alerts SET closed_at = ? WHERE id = ?", now, a.id());
    Alert closed = new Alert(a.id(), boxId, kind, a.openedAt(), Optional.of(now), a.detail());
    LOG.info("Alert closed: {} {}", boxId, kind);
    listeners.forEach(l -> l.accept(closed));
  }

  /** Closes every open alert of a box (it was deleted). */
  public void closeAll(String boxId) {
    for (AlertKind k : AlertKind.values()) {
      close(boxId, k);
    }
  }

  public boolean isOpen(String boxId, AlertKind kind) {
    return open.containsKey(new Key(boxId, kind));
  }

  public List<Alert> openAlerts() {
    List<Alert> out = new ArrayList<>(open.values());
    out.sort(Comparator.comparing(Alert::openedAt).reversed());
    return out;
  }

  public int openCount() {
    return open.size();
  }

  /** Alerts opened at or after {@code since}, newest first, optionally for one box. */
  public List<Alert> history(Instant since, Optional<String> boxId, int limit) {
    List<Object> args = new ArrayList<>(List.of(since));
    String sql = "SELECT " + COLUMNS + " FROM alerts WHERE opened_at >= ?";
    if (boxId.isPresent()) {
      sql += " AND box_id = ?";
      args.add(boxId.get());
    }
    args.add(limit);
    return jdbc.query(sql + " ORDER BY opened_at DESC LIMIT ?", AlertBook::map, args.toArray());
  }

  private static Alert map(ResultSet rs) throws SQLException {
    return new Alert(rs.getString("id"), rs.getString("box_id"), AlertKind.valueOf(rs.getString("kind")),
        Instant.ofEpochMilli(rs.getLong("opened_at")), Jdbc.instant(rs, "closed_at"), rs.getString("detail"));
  }
}
