package vn.diemcau.hub.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.security.PasswordHash;
import vn.diemcau.hub.security.Secrets;
import vn.diemcau.hub.storage.Jdbc;

/**
 * The registry of boxes and their broker credentials. Passwords are issued once (random, 144
 * bits) and stored only as {@code $7$} hashes. The hub is the registry's only writer, so every
 * box (with its hash) is also kept in memory: broker logins, ingest and the command path never
 * wait on the database; changes are written through (database first, then memory, one change at
 * a time).
 */
public final class BoxRegistry {
  private static final String COLUMNS =
      "id, display_name, commune, room, hardware, enabled, created_at, credentials_issued_at";

  /** A box and its password hash. */
  private record Entry(Box box, String hash) {
    Entry with(Box b) {
      return new Entry(b, hash);
    }
  }

  private static final java.util.Comparator<Box> ORDER = java.util.Comparator.comparing(Box::commune)
      .thenComparing(Box::id);

  private final Jdbc jdbc;
  private final Clock clock;
  private final Map<String, Entry> boxes = new ConcurrentHashMap<>();
  private final List<Consumer<String>> accessRevoked = new CopyOnWriteArrayList<>();
  private final List<Runnable> credentialsChanged = new CopyOnWriteArrayList<>();

  public BoxRegistry(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    jdbc.query("SELECT " + COLUMNS + ", password_hash FROM boxes", rs -> {
      boxes.put(rs.getString("id"), new Entry(map(rs), rs.getString("password_hash")));
      return null;
    });
  }

  /** Called with a box id whose broker access was revoked (disabled, deleted or rotated). */
  public void onAccessRevoked(Consumer<String> listener) {
    accessRevoked.add(listener);
  }

  /** Called after any change to the set of valid credentials (register, rotate, enable, disable, delete). */
  public void onCredentialsChanged(Runnable listener) {
    credentialsChanged.add(listener);
  }

  public IssuedCredentials register(NewBox n) {
    String password = Secrets.random(18);
    String hash = PasswordHash.hash(password, PasswordHash.BOX_ITERATIONS); // slow on purpose: outside the lock
    Box box;
    synchronized (this) {
      Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored
      box = new Box(n.id(), n.displayName().strip(), n.commune().strip(), n.room(), n.hardware(), true, now, now);
      if (boxes.containsKey(n.id())) {
        throw HubException.conflict("box " + n.id() + " is already registered; rotate its credentials instead");
      }
      jdbc.update("INSERT INTO boxes (" + COLUMNS + ", password_hash) VALUES (?,?,?,?,?,?,?,?,?)", box.id(),
          box.displayName(), box.commune(), box.room(), box.hardware().name(), true, now, now, hash);
      boxes.put(box.id(), new Entry(box, hash));
    }
    credentialsChanged.forEach(Runnable::run);
    return new IssuedCredentials(box, password);
  }

  /** Issues a new password; the old one stops working at once. */
  public IssuedCredentials rotate(String id) {
    Box rotated;
    String password;
    synchronized (this) {
      Box box = require(id);
      password = Secrets.random(18);
      String hash = PasswordHash.hash(password, PasswordHash.BOX_ITERATIONS);
      Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored
      jdbc.update("UPDATE boxes SET password_hash = ?, credentials_issued_at = ? WHERE id = ?", hash, now, id);
      rotated = new Box(box.id(), box.displayName(), box.commune(), box.room(), box.hardware(), box.enabled(),
          box.createdAt(), now);
      boxes.put(id, new Entry(rotated, hash));
    }
    revoked(id);
    return new IssuedCredentials(rotated, password);
  }

  public Box setEnabled(String id, boolean enabled) {
    Box changed;
    synchronized (this) {
      Box b = require(id);
      jdbc.update("UPDATE boxes SET enabled = ? WHERE id = ?", enabled, id);
      changed = new Box(b.id(), b.displayName(), b.commune(), b.room(), b.hardware(), enabled, b.createdAt(),
          b.credentialsIssuedAt());
      boxes.computeIfPresent(id, (k, e) -> e.with(changed));
    }
    if (enabled) {
      credentialsChanged.forEach(Runnable::run);
    } else {
      revoked(id);
    }
    return changed;
  }

  public synchronized Box update(String id, String displayName, String commune, String room) {
    Box b = require(id);
    NewBox.requireText(displayName, "displayName");
    NewBox.requireText(commune, "commune");
    Box changed = new Box(b.id(), displayName.strip(), commune.strip(), room == null ? "" : room.strip(), b.hardware(),
        b.enabled(), b.createdAt(), b.credentialsIssuedAt());
    jdbc.update("UPDATE boxes SET display_name = ?, commune = ?, room = ? WHERE id = ?", changed.displayName(),
        changed.commune(), changed.room(), id);
    boxes.computeIfPresent(id, (k, e) -> e.with(changed));
    return changed;
  }

  /** Removes the box, its state and telemetry; commands and audit entries stay as history. */
  public void delete(String id) {
    synchronized (this) {
      require(id);
      jdbc.inTransaction(() -> {
        for (String table : List.of("box_state", "telemetry_latest", "telemetry_raw", "telemetry_hourly",
            "box_events")) {
          jdbc.update("DELETE FROM " + table + " WHERE box_id = ?", id);
        }
        jdbc.update("DELETE FROM boxes WHERE id = ?", id);
        return null;
      });
      boxes.remove(id);
    }
    revoked(id);
  }

  public Optional<Box> find(String id) {
    return Optional.ofNullable(boxes.get(id)).map(Entry::box);
  }

  public Box require(String id) {
    return find(id).orElseThrow(() -> HubException.notFound("box " + id));
  }

  /** Every box, by commune then id. */
  public List<Box> list() {
    return boxes.values().stream().map(Entry::box).sorted(ORDER).toList();
  }

  /** The commune of a registered box, from memory (used to scope live events). */
  public Optional<String> commune(String id) {
    return find(id).map(Box::commune);
  }

  /** Ids of all registered boxes, from memory. */
  public java.util.Set<String> ids() {
    return java.util.Set.copyOf(boxes.keySet());
  }

  public boolean exists(String id) {
    return boxes.containsKey(id);
  }

  /** True when the box exists, is enabled and {@code password} is its current password. */
  public boolean authenticate(String id, String password) {
    Entry e = boxes.get(id);
    return e != null && e.box().enabled() && PasswordHash.verify(password, e.hash());
  }

  /** Enabled boxes' hashes by id, sorted: the content of a Mosquitto password file. */
  public Map<String, String> enabledPasswordHashes() {
    Map<String, String> out = new TreeMap<>();
    boxes.forEach((id, e) -> {
      if (e.box().enabled()) {
        out.put(id, e.hash());
      }
    });
    return out;
  }

  private void revoked(String id) {
    credentialsChanged.forEach(Runnable::run);
    accessRevoked.forEach(l -> l.accept(id));
  }

  private static Box map(ResultSet rs) throws SQLException {
    return new Box(rs.getString("id"), rs.getString("display_name"), rs.getString("commune"), rs.getString("room"),
        HardwareKind.valueOf(rs.getString("hardware")), rs.getInt("enabled") == 1,
        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("credentials_issued_at")));
  }
}
