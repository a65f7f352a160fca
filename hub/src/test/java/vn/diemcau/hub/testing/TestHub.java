package vn.diemcau.hub.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.diemcau.hub.Hub;
import vn.diemcau.hub.config.ConfigLoader;
import vn.diemcau.hub.config.HubConfig;

/**
 * A real hub for integration tests: state in a temp dir, HTTP on a free port, the embedded
 * broker on free ports (or an external broker), logged in as {@code admin}.
 */
public final class TestHub implements AutoCloseable {
  public final Hub hub;
  public final Api api;
  public final int brokerPort;
  public final Path stateDir;
  private final String adminPassword;

  private TestHub(Hub hub, int brokerPort, Path stateDir, String adminPassword) {
    this.hub = hub;
    this.brokerPort = brokerPort;
    this.stateDir = stateDir;
    this.adminPassword = adminPassword;
    this.api = new Api(hub.httpPort()).login("admin", adminPassword);
  }

  /** A hub with the embedded broker; {@code extra} overrides config keys (e.g. "db.url"). */
  public static TestHub embedded(Path stateDir, Map<String, String> extra) throws Exception {
    int brokerPort = Ports.free();
    Map<String, String> env = new HashMap<>();
    env.put("DIEMCAU_HUB_STATE_DIR", stateDir.toString());
    env.put("DIEMCAU_HUB_HTTP_HOST", "127.0.0.1");
    env.put("DIEMCAU_HUB_HTTP_PORT", "0");
    env.put("DIEMCAU_HUB_BROKER_HOST", "127.0.0.1");
    env.put("DIEMCAU_HUB_BROKER_PORT", Integer.toString(brokerPort));
    env.put("DIEMCAU_HUB_BROKER_TLS_PORT", "0");
    env.put("DIEMCAU_HUB_MQTT_KEEPALIVESECONDS", "5");
    extra.forEach((k, v) -> env.put(ConfigLoader.ENV_PREFIX + k.toUpperCase().replace('.', '_'), v));
    return start(stateDir, env, brokerPort);
  }

  /** A hub using an external broker at {@code url} with the hub's {@code password}. */
  public static TestHub external(Path stateDir, String url, String password, Path exportDir, Map<String, String> extra)
      throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("DIEMCAU_HUB_STATE_DIR", stateDir.toString());
    env.put("DIEMCAU_HUB_HTTP_HOST", "127.0.0.1");
    env.put("DIEMCAU_HUB_HTTP_PORT", "0");
    env.put("DIEMCAU_HUB_BROKER_MODE", "external");
    env.put("DIEMCAU_HUB_BROKER_URL", url);
    env.put("DIEMCAU_HUB_BROKER_PASSWORD", password);
    env.put("DIEMCAU_HUB_BROKER_EXPORTDIR", exportDir.toString());
    env.put("DIEMCAU_HUB_MQTT_KEEPALIVESECONDS", "5");
    extra.forEach((k, v) -> env.put(ConfigLoader.ENV_PREFIX + k.toUpperCase().replace('.', '_'), v));
    return start(stateDir, env, Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
  }

  private static TestHub start(Path stateDir, Map<String, String> env, int brokerPort) throws Exception {
    HubConfig cfg = ConfigLoader.load(Optional.empty(), env);
    Hub hub = Hub.start(cfg, Clock.systemUTC(), Hub.WebModule.none());
    String pw = hub.initialAdminPassword().orElseGet(() -> ADMIN_PASSWORDS.get(stateDir));
    ADMIN_PASSWORDS.put(stateDir, pw);
    return new TestHub(hub, brokerPort, stateDir, pw);
  }

  /** Admin passwords by state dir, so a restarted hub can log in again. */
  private static final Map<Path, String> ADMIN_PASSWORDS = new java.util.concurrent.ConcurrentHashMap<>();

  public String brokerUrl() {
    return "tcp://127.0.0.1:" + brokerPort;
  }

  public String adminPassword() {
    return adminPassword;
  }

  /** Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      hub.close();
    }
  }

  private boolean closed;
}
