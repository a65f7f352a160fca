package vn.diemcau.hub.presence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A box's presence and birth facts as last reported. */
public record BoxPresence(String boxId, PresenceState state, Instant since, Optional<Instant> lastSeen,
    Optional<String> bootId, Optional<String> softwareVersion, Optional<String> hardwareModel,
    Set<String> capabilities, Optional<Long> appliedConfigVersion) {
  public BoxPresence {
    Objects.requireNonNull(boxId, "boxId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    capabilities = Set.copyOf(capabilities);
  }

  static BoxPresence unknown(String boxId, Instant now) {
    return new BoxPresence(boxId, PresenceState.UNKNOWN, now, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Set.of(), Optional.empty());
  }

  BoxPresence seen(Instant at) {
    return new BoxPresence(boxId, state, since, Optional.of(at), bootId, softwareVersion, hardwareModel, capabilities,
        appliedConfigVersion);
  }
}
