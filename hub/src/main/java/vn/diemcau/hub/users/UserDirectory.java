package vn.diemcau.hub.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.security.PasswordHash;
import vn.diemcau.hub.security.Secrets;
import vn.diemcau.hub.storage.Jdbc;

/**
 * Users, their hashed passwords and API tokens. Tokens are random 256-bit secrets stored as
 * SHA-256 fingerprints, so they survive a hub restart and a database dump reveals none.
 * Resolved tokens and users are cached in memory (every API call resolves one) and dropped from
 * the cache by every change made through this directory — the hub is the database's only writer.
 */
public final class UserDirectory {
  public static final String INITIAL_ADMIN = "admin";
  private static final int MIN_PASSWORD = 10;

  private final Jdbc jdbc;
  private final Clock clock;
  private final Duration tokenLifetime;
  private record CachedToken(String username, Instant expiresAt) {}

  /** Token fingerprint → owner, for tokens resolved or issued since the start. */
  private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
  /** Username → user, for users looked up since their last change. */
  private final Map<String, User> users = new ConcurrentHashMap<>();

  public UserDirectory(Jdbc jdbc, Clock clock, Duration tokenLifetime) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tokenLifetime = tokenLifetime;
  }

  /** Creates the {@value #INITIAL_ADMIN} account when there are no users; returns its one-time password. */
  public Optional<String> ensureInitialAdmin() {
    if (jdbc.queryLong("SELECT COUNT(*) FROM users") > 0) {
      return Optional.empty();
    }
    String password = Secrets.random(15);
    create(INITIAL_ADMIN, password, Role.ADMIN, Set.of());
    return Optional.of(password);
  }

  public User create(String username, String password, Role role, Set<String> communes) {
    User.requireValidName(username);
    requireStrong(password);
    User u = new User(username, role, communes, true, clock.instant());
    String hash = PasswordHash.hash(password, PasswordHash.USER_ITERATIONS);
    jdbc.inTransaction(() -> {
      if (find(username).isPresent()) {
        throw HubException.conflict("user " + username + " already exists");
      }
      jdbc.update("INSERT INTO users (username, password_hash, role, communes, enabled, created_at) VALUES (?,?,?,?,?,?)",
          u.username(), hash, u.role().name(), String.join("\n", new TreeSet<>(u.communes())), true, u.createdAt());
      return null;
    });
    return u;
  }

  public User update(String username, Role role, Set<String> communes, boolean enabled) {
    require(username);
    jdbc.update("UPDATE users SET role = ?, communes = ?, enabled = ? WHERE username = ?", role.name(),
        String.join("\n", new TreeSet<>(communes)), enabled, username);
    users.remove(username);
    if (!enabled) {
      revokeTokens(username);
    }
    return require(username);
  }

  public void setPassword(String username, String password) {
    require(username);
    requireStrong(password);
    jdbc.update("UPDATE users SET password_hash = ? WHERE username = ?",
        PasswordHash.hash(password, PasswordHash.USER_ITERATIONS), username);
    revokeTokens(username);
  }

  public void delete(String username) {
    require(username);
    jdbc.inTransaction(() -> {
      jdbc.update("DELETE FROM api_tokens WHERE username = ?", username);
      jdbc.update("DELETE FROM users WHERE username = ?", username);
      return null;
    });
    users.remove(username);
    tokens.values().removeIf(t -> t.username().equals(username));
  }

  public Optional<User> find(String username) {
    User cached = users.get(username);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<User> u = jdbc.queryOne("SELECT username, role, communes, enabled, created_at FROM users WHERE username = ?",
        UserDirectory::map, username);
    u.ifPresent(user -> users.put(username, user));
    return u;
  }

  public User require(String username) {
    return find(username).orElseThrow(() -> HubException.notFound("user " + username));
  }

  public List<User> list() {
    return jdbc.query("SELECT username, role, communes, enabled, created_at FROM users ORDER BY username",
        UserDirectory::map);
  }

  /** Checks a password and issues a bearer token. */
  public Optional<Token> login(String username, String password) {
    Optional<String> hash = jdbc.queryOne("SELECT password_hash FROM users WHERE username = ? AND enabled = 1",
        rs -> rs.getString(1), username);
    if (hash.isEmpty() || !PasswordHash.verify(password, hash.get())) {
      return Optional.empty();
    }
    String token = Secrets.random(32);
    Instant now = clock.instant();
    Instant expires = now.plus(tokenLifetime);
    String fingerprint = Secrets.sha256(token);
    jdbc.update("INSERT INTO api_tokens (token_hash, username, created_at, expires_at) VALUES (?,?,?,?)",
        fingerprint, username, now, expires);
    tokens.put(fingerprint, new CachedToken(username, expires));
    return Optional.of(new Token(token, username, expires));
  }

  /** The enabled user a live token belongs to. */
  public Optional<User> resolve(String token) {
    String fingerprint = Secrets.sha256(token);
    Instant now = clock.instant();
    CachedToken cached = tokens.get(fingerprint);
    if (cached == null) {
      cached = jdbc.queryOne("SELECT username, expires_at FROM api_tokens WHERE token_hash = ? AND expires_at > ?",
          rs -> new CachedToken(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))), fingerprint, now).orElse(null);
      if (cached == null) {
        return Optional.empty();
      }
      tokens.put(fingerprint, cached);
    }
    if (!cached.expiresAt().isAfter(now)) {
      tokens.remove(fingerprint);
      return Optional.empty();
    }
    return find(cached.username()).filter(User::enabled);
  }

  public void logout(String token) {
    String fingerprint = Secrets.sha256(token);
    tokens.remove(fingerprint);
    jdbc.update("DELETE FROM api_tokens WHERE token_hash = ?", fingerprint);
  }

  public int purgeExpiredTokens() {
    Instant now = clock.instant();
    tokens.values().removeIf(t -> !t.expiresAt().isAfter(now));
    return jdbc.update("DELETE FROM api_tokens WHERE expires_at <= ?", now);
  }

  private void revokeTokens(String username) {
    tokens.values().removeIf(t -> t.username().equals(username));
    jdbc.update("DELETE FROM api_tokens WHERE username = ?", username);
  }

  private static void requireStrong(String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw HubException.badRequest("password must be at least " + MIN_PASSWORD + " characters");
    }
  }

  private static User map(ResultSet rs) throws SQLException {
    String communes = rs.getString("communes");
    Set<String> set = communes.isEmpty() ? Set.of()
        : Arrays.stream(communes.split("\n")).collect(Collectors.toUnmodifiableSet());
    return new User(rs.getString("username"), Role.valueOf(rs.getString("role")), set, rs.getInt("enabled") == 1,
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  /** A bearer token, shown once. */
  public record Token(String token, String username, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[username=" + username + ", expiresAt=" + expiresAt + "]";
    }
  }
}
