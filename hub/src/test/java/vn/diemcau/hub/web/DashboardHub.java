package vn.diemcau.hub.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.diemcau.hub.Hub;
import vn.diemcau.hub.config.ConfigLoader;
import vn.diemcau.hub.config.HubConfig;
import vn.diemcau.hub.testing.Api;
import vn.diemcau.hub.testing.Ports;

/** A real hub (embedded broker, SQLite in a temp dir, HTTP on a free port) with the dashboard mounted. */
final class DashboardHub implements AutoCloseable {
  final Hub hub;
  final Api admin;
  final String adminPassword;
  final int brokerPort;

  DashboardHub(Path stateDir) throws Exception {
    brokerPort = Ports.free();
    Map<String, String> env = new HashMap<>();
    env.put("DIEMCAU_HUB_STATE_DIR", stateDir.toString());
    env.put("DIEMCAU_HUB_HTTP_HOST", "127.0.0.1");
    env.put("DIEMCAU_HUB_HTTP_PORT", "0");
    env.put("DIEMCAU_HUB_BROKER_HOST", "127.0.0.1");
    env.put("DIEMCAU_HUB_BROKER_PORT", Integer.toString(brokerPort));
    env.put("DIEMCAU_HUB_BROKER_TLS_PORT", Integer.toString(Ports.free()));
    env.put("DIEMCAU_HUB_MQTT_KEEPALIVESECONDS", "5");
    env.put("DIEMCAU_HUB_CONFERENCE_URL", "http://10.99.0.1:8088/janus");
    HubConfig cfg = ConfigLoader.load(Optional.empty(), env);
    hub = Hub.start(cfg, Clock.systemUTC(), s -> List.of(new Dashboard(s.users(), Dashboard.hubAddress(cfg, env))));
    adminPassword = hub.initialAdminPassword().orElseThrow();
    admin = new Api(hub.httpPort()).login("admin", adminPassword);
  }

  String base() {
    return "http://127.0.0.1:" + hub.httpPort();
  }

  String brokerUrl() {
    return "tcp://127.0.0.1:" + brokerPort;
  }

  /** Registers a box; returns its one-time password. */
  String register(String id, String name, String commune, String room) {
    Api.Result r = admin.post("/api/boxes", Map.of("id", id, "displayName", name, "commune", commune, "room", room,
        "hardware", "PI5"));
    if (r.status() != 201) {
      throw new IllegalStateException("register " + id + ": " + r);
    }
    return r.json().get("password").asText();
  }

  @Override
  public void close() {
    hub.close();
  }
}
