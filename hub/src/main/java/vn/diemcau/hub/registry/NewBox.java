package vn.diemcau.hub.registry;

import java.util.Objects;

/** What an operator supplies to register a box. */
public record NewBox(String id, String displayName, String commune, String room, HardwareKind hardware) {
  public NewBox {
    BoxIds.requireValid(id);
    requireText(displayName, "displayName");
    requireText(commune, "commune");
    room = room == null ? "" : room.strip();
    Objects.requireNonNull(hardware, "hardware must be one of PI4, PI5, MINI_PC");
  }

  static void requireText(String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (v.length() > 200) {
      throw new IllegalArgumentException(name + " must be at most 200 characters but was " + v.length());
    }
  }
}
