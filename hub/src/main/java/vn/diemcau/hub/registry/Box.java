package vn.diemcau.hub.registry;

import java.time.Instant;
import java.util.Objects;

/** A registered room appliance. {@code id} is its MQTT username and client id. */
public record Box(String id, String displayName, String commune, String room, HardwareKind hardware, boolean enabled,
    Instant createdAt, Instant credentialsIssuedAt) {
  public Box {
    BoxIds.requireValid(id);
    NewBox.requireText(displayName, "displayName");
    NewBox.requireText(commune, "commune");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(credentialsIssuedAt, "credentialsIssuedAt");
  }
}
