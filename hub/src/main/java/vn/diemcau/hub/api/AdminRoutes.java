package vn.diemcau.hub.api;

import java.time.Instant;
import java.util.List;
import vn.diemcau.hub.broker.MosquittoExport;
import vn.diemcau.hub.users.Permission;

/** The audit log and the files an external Mosquitto needs. */
final class AdminRoutes {
  private AdminRoutes() {}

  static List<Route> routes(ApiServices s) {
    return List.of(
        Route.get("/api/audit", Permission.ADMINISTER, c -> s.audit().list(BoxRoutes.instant(c, "since")
            .or(() -> java.util.Optional.of(Instant.EPOCH)), c.query("actor"), c.query("target"),
            c.queryInt("limit", 200, 1, 1000))),
        Route.get("/api/broker/mosquitto/passwords", Permission.ADMINISTER, c -> {
          s.audit().record(c.user().username(), "broker.export-passwords", "mosquitto", "", "ok");
          return new ApiHandler.PlainText("text/plain; charset=utf-8", s.mosquittoPasswords().get());
        }),
        Route.get("/api/broker/mosquitto/acl", Permission.ADMINISTER,
            c -> new ApiHandler.PlainText("text/plain; charset=utf-8", MosquittoExport.aclFile())));
  }
}
