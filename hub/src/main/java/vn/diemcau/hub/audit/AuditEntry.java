package vn.diemcau.hub.audit;

import java.time.Instant;
import java.util.Objects;

/** One accountable action: who did what to which target, when, and how it ended. */
public record AuditEntry(String id, Instant at, String actor, String action, String target, String detail, String outcome) {
  public AuditEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    requireText(actor, "actor");
    requireText(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
    requireText(outcome, "outcome");
  }

  private static void requireText(String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("audit " + name + " must not be blank");
    }
  }
}
