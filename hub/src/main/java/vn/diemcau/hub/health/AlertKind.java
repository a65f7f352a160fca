package vn.diemcau.hub.health;

/** What can be wrong with a box. */
public enum AlertKind {
  OFFLINE,
  TEMPERATURE,
  THROTTLING,
  CAMERA_MISSING,
  MICROPHONE_MISSING,
  PACKET_LOSS
}
