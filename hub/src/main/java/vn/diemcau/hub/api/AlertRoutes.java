package vn.diemcau.hub.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.diemcau.hub.audit.AuditEntry;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.events.FleetEvent;
import vn.diemcau.hub.health.Alert;
import vn.diemcau.hub.users.Permission;
import vn.diemcau.hub.users.User;

/** Alerts (open and history) with their acknowledgements, and the audit trail of one box. */
final class AlertRoutes {
  private AlertRoutes() {}

  static List<Route> routes(ApiServices s) {
    AlertAcks acks = new AlertAcks(s.audit());
    return List.of(
        Route.get("/api/alerts", Permission.VIEW_FLEET, c -> {
          boolean openOnly = c.query("open").map(Boolean::parseBoolean).orElse(true);
          Optional<String> boxId = c.query("box");
          List<Alert> list = openOnly ? s.alerts().openAlerts()
              : s.alerts().history(BoxRoutes.instant(c, "since").orElse(Instant.now().minus(Duration.ofDays(7))), boxId,
                  c.queryInt("limit", 500, 1, 5000));
          return list.stream().filter(a -> boxId.map(a.boxId()::equals).orElse(true))
              .filter(a -> visible(s, c.user(), a)).map(acks::view).toList();
        }),
        Route.post("/api/alerts/{id}/ack", Permission.COMMAND_MAINTENANCE, c -> {
          Alert a = s.alerts().openAlerts().stream().filter(x -> x.id().equals(c.path("id")))
              .filter(x -> visible(s, c.user(), x)).findFirst()
              .orElseThrow(() -> HubException.notFound("open alert " + c.path("id")));
          acks.acknowledge(a, c.user().username());
          s.fleet().publish(new FleetEvent.AlertChanged(a.boxId(), s.registry().commune(a.boxId()).orElse(""),
              Instant.now(), a.id(), a.kind().name(), true, a.detail()));
          return acks.view(a);
        }),
        Route.get("/api/boxes/{id}/audit", Permission.VIEW_FLEET, c -> {
          String id = BoxRoutes.box(s, c).id();
          List<AuditEntry> entries = s.audit().list(Optional.empty(), Optional.empty(), Optional.of(id),
              c.queryInt("limit", 100, 1, 1000));
          return entries;
        }));
  }

  private static boolean visible(ApiServices s, User u, Alert a) {
    return s.registry().commune(a.boxId()).map(u::covers).orElse(u.communes().isEmpty());
  }
}
