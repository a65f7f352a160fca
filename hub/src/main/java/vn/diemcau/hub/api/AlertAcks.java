package vn.diemcau.hub.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.diemcau.hub.audit.AuditLog;
import vn.diemcau.hub.health.Alert;

/**
 * Acknowledgements of alerts ("someone is on it"). The audit log is the record (action
 * {@value #ACTION}, target the alert id), so an acknowledgement is accountable and survives a
 * restart without a schema change; recent ones are cached in memory.
 */
final class AlertAcks {
  static final String ACTION = "alert.ack";

  /** Who acknowledged an alert and when. */
  record Ack(String by, Instant at) {}

  /** An alert as the API shows it: the alert's fields plus its acknowledgement. */
  record AlertView(String id, String boxId, String kind, Instant openedAt, Optional<Instant> closedAt, String detail,
      boolean open, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt) {
    static AlertView of(Alert a, Optional<Ack> ack) {
      return new AlertView(a.id(), a.boxId(), a.kind().name(), a.openedAt(), a.closedAt(), a.detail(), a.open(),
          ack.map(Ack::by), ack.map(Ack::at));
    }
  }

  private final AuditLog audit;
  private final Map<String, Optional<Ack>> cache = new ConcurrentHashMap<>();

  AlertAcks(AuditLog audit) {
    this.audit = audit;
  }

  Ack acknowledge(Alert a, String user) {
    var e = audit.record(user, ACTION, a.id(), a.boxId() + " " + a.kind(), "ok");
    Ack ack = new Ack(user, e.at());
    cache.put(a.id(), Optional.of(ack));
    if (cache.size() > 10_000) {
      cache.clear();
    }
    return ack;
  }

  Optional<Ack> of(Alert a) {
    return cache.computeIfAbsent(a.id(), id -> audit.list(Optional.of(a.openedAt()), Optional.empty(), Optional.of(id), 50)
        .stream().filter(e -> e.action().equals(ACTION)).reduce((newer, older) -> older)
        .map(e -> new Ack(e.actor(), e.at())));
  }

  AlertView view(Alert a) {
    return AlertView.of(a, of(a));
  }
}
