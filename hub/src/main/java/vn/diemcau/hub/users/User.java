package vn.diemcau.hub.users;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person using the hub. {@code communes} limits what they see and steer; empty means the
 * whole province.
 */
public record User(String username, Role role, Set<String> communes, boolean enabled, Instant createdAt) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  public User {
    requireValidName(username);
    Objects.requireNonNull(role, "role");
    communes = Set.copyOf(communes);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public static String requireValidName(String username) {
    if (username == null || !NAME.matcher(username).matches()) {
      throw new IllegalArgumentException("username must be 2-64 characters of a-z, 0-9, '.', '_', '-' but was " + username);
    }
    return username;
  }

  public boolean can(Permission p) {
    return enabled && role.grants(p);
  }

  /** True when this user may see or steer boxes of {@code commune}. */
  public boolean covers(String commune) {
    return communes.isEmpty() || communes.contains(commune);
  }
}
