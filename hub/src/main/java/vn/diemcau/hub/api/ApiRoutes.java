package vn.diemcau.hub.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every HTTP route of the hub, declared in one place (used by the server and by the test that
 * checks {@code hub/openapi.yaml} describes each of them).
 *
 * <pre>
 * curl -s -X POST localhost:8080/api/login -d '{"username":"admin","password":"..."}'
 * curl -s -H "Authorization: Bearer $TOKEN" localhost:8080/api/boxes
 * curl -sN -H "Authorization: Bearer $TOKEN" localhost:8080/api/events
 * </pre>
 */
public final class ApiRoutes {
  private ApiRoutes() {}

  public static List<Route> routes(ApiServices s) {
    List<Route> r = new ArrayList<>();
    r.add(Route.open("GET", "/healthz", c -> Map.of("status", "ok")));
    r.add(Route.open("GET", "/metrics", c -> new ApiHandler.PlainText("text/plain; version=0.0.4; charset=utf-8",
        s.metrics().scrape())));
    r.add(Route.open("GET", "/api/openapi.yaml", c -> new ApiHandler.PlainText("application/yaml; charset=utf-8",
        openApi())));
    r.addAll(AuthRoutes.routes(s));
    r.addAll(BoxRoutes.routes(s));
    r.addAll(CommandRoutes.routes(s));
    r.addAll(AdminRoutes.routes(s));
    r.addAll(AlertRoutes.routes(s));
    r.addAll(SessionRoutes.routes(s));
    r.add(Route.get("/api/events", vn.diemcau.hub.users.Permission.VIEW_FLEET, new SseEndpoint(s.fleet())));
    return List.copyOf(r);
  }

  static String openApi() throws IOException {
    try (InputStream in = ApiRoutes.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IOException("openapi.yaml missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
