package vn.diemcau.hub.users;

import java.util.EnumSet;
import java.util.Set;

/** A user's role; each grants a fixed set of permissions. */
public enum Role {
  /** Province administrator: everything. */
  ADMIN(EnumSet.allOf(Permission.class)),
  /** Runs reception sessions: joins and leaves rooms, maintenance commands. */
  OPERATOR(EnumSet.of(Permission.VIEW_FLEET, Permission.COMMAND_SESSION, Permission.COMMAND_MAINTENANCE)),
  /** Installs and maintains boxes: registry and maintenance commands. */
  TECHNICIAN(EnumSet.of(Permission.VIEW_FLEET, Permission.MANAGE_BOXES, Permission.COMMAND_MAINTENANCE)),
  /** Reads only. */
  VIEWER(EnumSet.of(Permission.VIEW_FLEET));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public boolean grants(Permission p) {
    return permissions.contains(p);
  }
}
