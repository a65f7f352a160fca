package vn.diemcau.hub.registry;

/** The kind of appliance in a room. */
public enum HardwareKind {
  PI4,
  PI5,
  MINI_PC
}
