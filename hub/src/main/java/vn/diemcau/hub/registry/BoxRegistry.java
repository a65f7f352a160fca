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
 * bits) and stored only as {@code $7$} hashes; the hashes are cached in memory so broker logins
 * never wait on the database.
 */
public final class BoxRegistry {
  private static final String COLUMNS =
      "id, display_name, commune, room, hardware, enabled, created_at, credentials_issued_at";

  private record Credential(String hash, boolean enabled, String commune) {}

  private final Jdbc jdbc;
  private final Clock clock;
  private final Map<String, Credential> credentials = new ConcurrentHashMap<>();
  private final List<Consumer<String>> accessRevoked = new CopyOnWriteArrayList<>();
  private final List<Runnable> credentialsChanged = new CopyOnWriteArrayList<>();

  public BoxRegistry(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    jdbc.query("SELECT id, password_hash, enabled, commune FROM boxes", rs -> {
      credentials.put(rs.getString(1), new Credential(rs.getString(2), rs.getInt(3) == 1, rs.getString(4)));
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
    String hash = PasswordHash.hash(password, PasswordHash.BOX_ITERATIONS);
    Instant now = clock.instant();
    Box box = new Box(n.id(), n.displayName().strip(), n.commune().strip(), n.room(), n.hardware(), true, now, now);
    jdbc.inTransaction(() -> {
      if (find(n.id()).isPresent()) {
        throw HubException.conflict("box " + n.id() + " is already registered; rotate its credentials instead");
      }
      jdbc.update("INSERT INTO boxes (" + COLUMNS + ", password_hash) VALUES (?,?,?,?,?,?,?,?,?)", box.id(),
          box.displayName(), box.commune(), box.room(), box.hardware().name(), true, now, now, hash);
      return null;
    });
    credentials.put(box.id(), new Credential(hash, true, box.commune()));
    credentialsChanged.forEach(Runnable::run);
    return new IssuedCredentials(box, password);
  }

  /** Issues a new password; the old one stops working at once. */
  public IssuedCredentials rotate(String id) {
    Box box = require(id);
    String password = Secrets.random(18);
    String hash = PasswordHash.hash(password, PasswordHash.BOX_ITERATIONS);
    Instant now = clock.instant();
    jdbc.update("UPDATE boxes SET password_hash = ?, credentials_issued_at = ? WHERE id = ?", hash, now, id);
    credentials.put(id, new Credential(hash, box.enabled(), box.commune()));
    revoked(id);
    return new IssuedCredentials(require(id), password);
  }

  public Box setEnabled(String id, boolean enabled) {
    require(id);
    jdbc.update("UPDATE boxes SET enabled = ? WHERE id = ?", enabled, id);
    credentials.computeIfPresent(id, (k, c) -> new Credential(c.hash(), enabled, c.commune()));
    if (enabled) {
      credentialsChanged.forEach(Runnable::run);
    } else {
      revoked(id);
    }
    return require(id);
  }

  public Box update(String id, String displayName, String commune, String room) {
    require(id);
    NewBox.requireText(displayName, "displayName");
    NewBox.requireText(commune, "commune");
    jdbc.update("UPDATE boxes SET display_name = ?, commune = ?, room = ? WHERE id = ?", displayName.strip(),
        commune.strip(), room == null ? "" : room.strip(), id);
    credentials.computeIfPresent(id, (k, c) -> new Credential(c.hash(), c.enabled(), commune.strip()));
    return require(id);
  }

  /** Removes the box, its state and telemetry; commands and audit entries stay as history. */
  public void delete(String id) {
    require(id);
    jdbc.inTransaction(() -> {
      for (String table : List.of("box_state", "telemetry_latest", "telemetry_raw", "telemetry_hourly", "box_events")) {
        jdbc.update("DELETE FROM " + table + " WHERE box_id = ?", id);
      }
      jdbc.update("DELETE FROM boxes WHERE id = ?", id);
      return null;
    });
    credentials.remove(id);
    revoked(id);
  }

  public Optional<Box> find(String id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM boxes WHERE id = ?", BoxRegistry::map, id);
  }

  public Box require(String id) {
    return find(id).orElseThrow(() -> HubException.notFound("box " + id));
  }

  public List<Box> list() {
    return jdbc.query("SELECT " + COLUMNS + " FROM boxes ORDER BY commune, id", BoxRegistry::map);
  }

  /** The commune of a registered box, from memory (used to scope live events). */
  public Optional<String> commune(String id) {
    return Optional.ofNullable(credentials.get(id)).map(Credential::commune);
  }

  /** Ids of all registered boxes, from memory. */
  public java.util.Set<String> ids() {
    return java.util.Set.copyOf(credentials.keySet());
  }

  public boolean exists(String id) {
    return credentials.containsKey(id);
  }

  /** True when the box exists, is enabled and {@code password} is its current password. */
  public boolean authenticate(String id, String password) {
    Credential c = credentials.get(id);
    return c != null && c.enabled() && PasswordHash.verify(password, c.hash());
  }

  /** Enabled boxes' hashes by id, sorted: the content of a Mosquitto password file. */
  public Map<String, String> enabledPasswordHashes() {
    Map<String, String> out = new TreeMap<>();
    credentials.forEach((id, c) -> {
      if (c.enabled()) {
        out.put(id, c.hash());
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
