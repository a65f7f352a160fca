package vn.diemcau.hub.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change in the fleet, pushed to live views (Server-Sent Events). {@code commune} scopes who
 * may see it; {@link #type()} is the SSE event name.
 */
public sealed interface FleetEvent {
  String boxId();

  String commune();

  Instant at();

  /** The SSE event name. */
  default String type() {
    return switch (this) {
      case PresenceChanged p -> "presence";
      case AlertChanged a -> "alert";
      case CommandChanged c -> "command";
      case BoxChanged b -> "box";
      case TelemetryReceived t -> "telemetry";
      case StateReported r -> "reported";
      case SessionChanged s -> "session";
    };
  }

  record PresenceChanged(String boxId, String commune, Instant at, String presence) implements FleetEvent {
    public PresenceChanged {
      Objects.requireNonNull(presence, "presence");
    }
  }

  record AlertChanged(String boxId, String commune, Instant at, String alertId, String kind, boolean open, String detail)
      implements FleetEvent {}

  record CommandChanged(String boxId, String commune, Instant at, String commandId, String commandType, String state,
      Optional<String> reason) implements FleetEvent {}

  /** registered, updated, enabled, disabled, rotated, deleted. */
  record BoxChanged(String boxId, String commune, Instant at, String change) implements FleetEvent {}

  record TelemetryReceived(String boxId, String commune, Instant at) implements FleetEvent {}

  record StateReported(String boxId, String commune, Instant at, String callState, Optional<String> room)
      implements FleetEvent {}

  /** A scheduled session was scheduled, started, ended, cancelled or missed; {@code boxId} is empty, {@code commune} empty for all rooms. */
  record SessionChanged(String boxId, String commune, Instant at, String sessionId, String title, String state)
      implements FleetEvent {}
}
