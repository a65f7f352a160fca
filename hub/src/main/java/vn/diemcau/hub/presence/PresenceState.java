package vn.diemcau.hub.presence;

/** What the hub believes about a box's connection. */
public enum PresenceState {
  /** Never heard from since registration. */
  UNKNOWN,
  ONLINE,
  OFFLINE
}
