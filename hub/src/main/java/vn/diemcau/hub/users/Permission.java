package vn.diemcau.hub.users;

/** What an API call needs. */
public enum Permission {
  /** Read boxes, presence, telemetry, alerts, commands. */
  VIEW_FLEET,
  /** Register, edit, rotate credentials, disable/enable boxes. */
  MANAGE_BOXES,
  /** Maintenance commands: restart media, reboot, self test, identify, snapshot, apply config. */
  COMMAND_MAINTENANCE,
  /** Session commands: join, leave, desired session. */
  COMMAND_SESSION,
  /** Delete boxes, manage users, read the audit log, export broker files. */
  ADMINISTER
}
