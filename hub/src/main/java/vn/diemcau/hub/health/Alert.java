package vn.diemcau.hub.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An alert, open until {@code closedAt}. */
public record Alert(String id, String boxId, AlertKind kind, Instant openedAt, Optional<Instant> closedAt, String detail) {
  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(boxId, "boxId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(detail, "detail");
  }

  public boolean open() {
    return closedAt.isEmpty();
  }
}
