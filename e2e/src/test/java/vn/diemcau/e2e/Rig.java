package vn.diemcau.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole system in the test's private network namespace: Janus (its own config, ICE on the
 * veth address), the hub (child JVM: embedded broker, SQLite, the centre's view) and real
 * appliance processes (child JVMs: virtual hardware, GStreamer test sources). Everything started
 * is killed on {@link #close()}, also when the test fails.
 */
final class Rig implements AutoCloseable {
  static final long ROOM = 1234;
  private static final Pattern ADMIN_PASSWORD = Pattern.compile("username 'admin', password '([^']+)'");

  /** A room box: id, display name, commune, test pattern and tone. */
  record BoxSpec(String id, String displayName, String commune, int pattern, int toneHz) {}

  private final Path dir;
  private final Path logs;
  private final Deque<Child> children = new ArrayDeque<>();
  private final Map<String, Child> boxes = new LinkedHashMap<>();
  private final Map<String, Path> boxConfigs = new LinkedHashMap<>();
  private final Thread reaper = new Thread(this::killAll, "e2e-reaper");
  private int janusPort;
  private int httpPort;
  private int brokerPort;
  private Http api;
  private String adminPassword;

  /** @param name the test's name: its logs go to {@code target/e2e-logs/<name>}, cleared first */
  Rig(Path dir, String name) {
    this.dir = dir;
    this.logs = E2e.out().resolve("e2e-logs").resolve(name);
    try (var old = Files.list(Files.createDirectories(logs))) {
      for (Path f : old.filter(Files::isRegularFile).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot clear " + logs, e);
    }
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  String janusUrl() {
    return "http://127.0.0.1:" + janusPort + "/janus";
  }

  String hubUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  Http api() {
    return api;
  }

  String adminPassword() {
    return adminPassword;
  }

  Rig startJanus() throws IOException {
    janusPort = E2e.freePort();
    Child janus = track(Child.start("janus", List.of("bash", E2e.root().resolve("tools/janus/run-janus.sh").toString(),
        "--dir", dir.resolve("janus").toString(), "--port", Integer.toString(janusPort), "--ice", E2e.ICE_ADDRESS,
        "--room", ROOM + ":Phiên tiếp dân", "--session-timeout", "45", "--debug-level", "3"), Map.of(), logs));
    Http probe = new Http(janusUrl());
    await("Janus answers").atMost(Duration.ofSeconds(60)).until(() -> {
      requireAlive(janus);
      return probe.status("/info") == 200;
    });
    return this;
  }

  Rig startHub() throws IOException {
    httpPort = E2e.freePort();
    brokerPort = E2e.freePort();
    Path props = dir.resolve("hub.properties");
    Files.writeString(props, String.join("\n",
        "state.dir=" + dir.resolve("hub"),
        "http.host=127.0.0.1",
        "http.port=" + httpPort,
        "broker.host=127.0.0.1",
        "broker.port=" + brokerPort,
        "broker.tls.port=0",
        "mqtt.keepAliveSeconds=5",
        "conference.url=" + janusUrl(),
        "conference.room=" + ROOM,
        "conference.centreName=Trung tâm tiếp dân tỉnh",
        ""), StandardCharsets.UTF_8);
    Child hub = track(Child.java("hub", "vn.diemcau.hub.Main", List.of("-Xmx256m", logback()),
        List.of("--config", props.toString()), Map.of(), logs));
    await("hub prints the admin password").atMost(Duration.ofSeconds(90)).until(() -> {
      requireAlive(hub);
      return ADMIN_PASSWORD.matcher(hub.output()).find();
    });
    Matcher m = ADMIN_PASSWORD.matcher(hub.output());
    m.find();
    adminPassword = m.group(1);
    api = new Http(hubUrl());
    await("hub API answers").atMost(Duration.ofSeconds(30)).until(() -> api.status("/api/me") == 401);
    JsonNode login = api.post("/api/login", Map.of("username", "admin", "password", adminPassword));
    api.bearer(login.path("token").asText());
    return this;
  }

  /** Registers the box through the hub API and writes its config (credentials shown once). */
  void register(BoxSpec b) throws IOException {
    JsonNode cred = api.post("/api/boxes", Map.of("id", b.id(), "displayName", b.displayName(), "commune", b.commune(),
        "room", "Phòng tiếp dân", "hardware", "MINI_PC"));
    String password = cred.path("password").asText();
    if (password.isEmpty()) {
      throw new IllegalStateException("registration returned no password: " + cred);
    }
    Path config = dir.resolve("box-" + b.id() + ".json");
    Files.writeString(config, """
        {
          "boxId": "%s",
          "displayName": "%s",
          "commune": "%s",
          "telemetryIntervalSeconds": 5,
          "hub": {"brokerUrl": "tcp://127.0.0.1:%d", "password": "%s", "keepAliveSeconds": 5,
                  "reconnectMinMillis": 200, "reconnectMaxMillis": 1000},
          "conference": {"kind": "janus", "retryInitialMillis": 500, "retryMaxMillis": 2000, "joinTimeoutSeconds": 20},
          "hardware": {"profile": "virtual"},
          "media": {
            "videoSource": "test", "audioSource": "test", "testPattern": %d, "testToneHz": %d,
            "videoSink": "fake", "audioSink": "fake", "echoCancel": false,
            "video": {"width": 640, "height": 360, "fps": 15, "bitrateKbps": 500},
            "iceAddresses": ["%s"]
          }
        }
        """.formatted(b.id(), b.displayName(), b.commune(), brokerPort, password, b.pattern(), b.toneHz(),
        E2e.ICE_ADDRESS), StandardCharsets.UTF_8);
    boxConfigs.put(b.id(), config);
  }

  void startBox(String id) throws IOException {
    Path state = dir.resolve("state-" + id);
    Files.createDirectories(state);
    Child box = track(Child.java("box-" + id, "vn.diemcau.appliance.Main", List.of("-Xmx160m", logback()),
        List.of("--config", boxConfigs.get(id).toString(), "--state-dir", state.toString()), Map.of(), logs));
    boxes.put(id, box);
  }

  /** {@code kill -9} of a box. */
  void killBox(String id) {
    Child box = boxes.remove(id);
    box.kill();
    children.remove(box);
  }

  /** The hub's view of a box ({@code GET /api/boxes/{id}}). */
  JsonNode box(String id) {
    return api.get("/api/boxes/" + id);
  }

  void requireAllAlive() {
    children.forEach(Rig::requireAlive);
  }

  private static void requireAlive(Child c) {
    if (!c.alive()) {
      throw new IllegalStateException(c.name() + " exited; its log " + c.log() + " ends with:\n" + tail(c.output()));
    }
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }

  private static String logback() {
    return "-Dlogback.configurationFile=" + E2e.out().resolve("test-classes/child-logback.xml");
  }

  private Child track(Child c) {
    children.push(c);
    return c;
  }

  private void killAll() {
    while (!children.isEmpty()) {
      children.pop().kill();
    }
  }

  @Override
  public void close() {
    // Boxes and hub first (politely, so Janus sees them leave), then Janus.
    while (!children.isEmpty()) {
      children.pop().close();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway.
    }
  }
}
