package vn.diemcau.hub.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.diemcau.protocol.ConferenceView;

/**
 * A reception session on the schedule. {@code commune} empty: every room of the province;
 * {@code boxes}: the rooms sent the join when it started (empty before).
 */
public record Session(String id, String title, Instant startsAt, Instant endsAt, Optional<String> commune,
    ConferenceView view, SessionState state, String createdBy, Instant createdAt, Optional<Instant> startedAt,
    Optional<String> startedBy, Optional<Instant> endedAt, Optional<String> endedBy, List<String> boxes) {

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("endsAt " + endsAt + " must be after startsAt " + startsAt);
    }
    Objects.requireNonNull(commune, "commune");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(startedBy, "startedBy");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(endedBy, "endedBy");
    boxes = List.copyOf(boxes);
  }

  public Duration duration() {
    return Duration.between(startsAt, endsAt);
  }

  /** True when this session and {@code other} share rooms: either is for every room, or both for one commune. */
  public boolean sharesRoomsWith(Optional<String> otherCommune) {
    return commune.isEmpty() || otherCommune.isEmpty() || commune.equals(otherCommune);
  }

  /** True when it is for every room or for {@code boxCommune}. */
  public boolean covers(String boxCommune) {
    return commune.isEmpty() || commune.get().equals(boxCommune);
  }

  /** True when the time windows {@code [startsAt, endsAt)} overlap. */
  public boolean overlaps(Instant start, Instant end) {
    return startsAt.isBefore(end) && start.isBefore(endsAt);
  }
}
