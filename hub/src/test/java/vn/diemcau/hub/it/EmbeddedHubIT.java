package vn.diemcau.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import vn.diemcau.hub.testing.Api;
import vn.diemcau.hub.testing.TestBox;
import vn.diemcau.hub.testing.TestHub;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.ConferenceView;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Topics;

/** The hub with its embedded HiveMQ broker, real Paho boxes, the REST API over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedHubIT {
  private Path state;
  private TestHub hub;
  private int tlsPort;

  @BeforeAll
  void start() throws Exception {
    state = Files.createTempDirectory("hub-it-");
    tlsPort = vn.diemcau.hub.testing.Ports.free();
    hub = TestHub.embedded(state, Map.of("broker.tls.port", Integer.toString(tlsPort),
        "conference.centre", "Trung tâm tỉnh"));
  }

  @AfterAll
  void stop() throws Exception {
    if (hub != null) {
      hub.close();
    }
    try (Stream<Path> s = Files.walk(state)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private String register(String id, String commune) {
    Api.Result r = hub.api.post("/api/boxes", Map.of("id", id, "displayName", "Phòng " + id, "commune", commune,
        "room", "1", "hardware", "PI5"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("password").asText();
  }

  private static void connectExpectingFailure(String url, String clientId, String user, String password, int reason) {
    assertThatThrownBy(() -> {
      MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
      MqttConnectionOptions o = new MqttConnectionOptions();
      if (user != null) {
        o.setUserName(user);
        o.setPassword(password.getBytes(StandardCharsets.UTF_8));
      }
      try {
        c.connect(o);
      } finally {
        c.close(true);
      }
    }).isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(reason));
  }

  @Test
  void broker_anonymousWrongPasswordOrForeignClientId_refused() {
    String pw = register("xa-refuse-01", "An Phú");
    connectExpectingFailure(hub.brokerUrl(), "anon", null, null, 0x87);
    connectExpectingFailure(hub.brokerUrl(), "xa-refuse-01", "xa-refuse-01", "wrong-password", 0x86);
    connectExpectingFailure(hub.brokerUrl(), "someone-else", "xa-refuse-01", pw, 0x85);
    connectExpectingFailure(hub.brokerUrl(), "_hub", "_hub", "guess", 0x86);
    assertThat(metric("diemcau_broker_denied_total{action=\"connect\"}")).isGreaterThanOrEqualTo(4);
  }

  @Test
  void box_registerConnect_isOnline_andCommandSucceeds() throws Exception {
    String pw = register("xa-online-01", "An Phú");
    try (TestBox box = new TestBox(hub.brokerUrl(), "xa-online-01", pw, 5).online()) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          hub.api.get("/api/boxes/xa-online-01").json().at("/presence/state").asText()).isEqualTo("ONLINE"));
      JsonNode detail = hub.api.get("/api/boxes/xa-online-01").json();
      assertThat(detail.at("/presence/softwareVersion").asText()).isEqualTo("test-1.0");

      Api.Result sent = hub.api.post("/api/commands", Map.of("boxes", List.of("xa-online-01"),
          "command", Map.of("type", "identify", "seconds", 5)));
      assertThat(sent.status()).as(sent.body()).isEqualTo(202);
      String id = sent.json().at("/commands/0/id").asText();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          hub.api.get("/api/commands/" + id).json().get("state").asText()).isEqualTo("SUCCEEDED"));
      assertThat(box.received).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(id));
      // The hub timed the command's way out and its round trip through the broker and the box.
      assertThat(metric("diemcau_command_issue_seconds_count")).isGreaterThanOrEqualTo(1);
      assertThat(metric("diemcau_command_round_trip_seconds_count")).isGreaterThanOrEqualTo(1);

      // Idempotent: the same key returns the first batch and sends nothing new.
      Map<String, Object> keyed = Map.of("boxes", List.of("xa-online-01"), "command", Map.of("type", "self_test"),
          "idempotencyKey", "k-1");
      String first = hub.api.post("/api/commands", keyed).json().at("/commands/0/id").asText();
      String again = hub.api.post("/api/commands", keyed).json().at("/commands/0/id").asText();
      assertThat(again).isEqualTo(first);
      await().atMost(Duration.ofSeconds(30)).until(() -> box.received.size() == 2);

      JsonNode audit = hub.api.get("/api/audit?target=xa-online-01").json();
      assertThat(audit.toString()).contains("command.identify", "succeeded", "box.register");
    }
  }

  @Test
  void box_overTlsWithTheGeneratedKeystore_connects() throws Exception {
    String pw = register("xa-tls-01", "An Phú");
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    String ksPassword = Files.readString(state.resolve("broker-keystore.password")).strip();
    try (var in = Files.newInputStream(state.resolve("broker-keystore.p12"))) {
      ks.load(in, ksPassword.toCharArray());
    }
    var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    var ssl = javax.net.ssl.SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    try (TestBox box = new TestBox("ssl://127.0.0.1:" + tlsPort, "xa-tls-01", pw, 5, ssl.getSocketFactory()).online()) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          hub.api.get("/api/boxes/xa-tls-01").json().at("/presence/state").asText()).isEqualTo("ONLINE"));
    }
  }

  @Test
  void collectLogs_theBoxsLinesAreReadOverTheApi_junkTextIsDroppedAndCounted() throws Exception {
    String pw = register("xa-logs-01", "An Phú");
    try (TestBox box = new TestBox(hub.brokerUrl(), "xa-logs-01", pw, 5).online()) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          hub.api.get("/api/boxes/xa-logs-01").json().at("/presence/state").asText()).isEqualTo("ONLINE"));
      Api.Result none = hub.api.get("/api/boxes/xa-logs-01/logs");
      assertThat(none.status()).isEqualTo(404);
      assertThat(none.json().get("error").asText()).contains("collect_logs");

      Api.Result sent = hub.api.post("/api/commands", Map.of("boxes", List.of("xa-logs-01"),
          "command", Map.of("type", "collect_logs", "lines", 3)));
      assertThat(sent.status()).as(sent.body()).isEqualTo(202);
      String id = sent.json().at("/commands/0/id").asText();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          hub.api.get("/api/commands/" + id).json().get("state").asText()).isEqualTo("SUCCEEDED"));
      JsonNode logs = hub.api.get("/api/boxes/xa-logs-01/logs").json();
      assertThat(logs.get("commandId").asText()).isEqualTo(id);
      assertThat(logs.get("lines").asInt()).isEqualTo(3);
      assertThat(logs.get("text").asText().lines()).containsExactly("INFO  [fleet] TestBox - dòng nhật ký 3 của xa-logs-01",
          "INFO  [fleet] TestBox - dòng nhật ký 2 của xa-logs-01", "INFO  [fleet] TestBox - dòng nhật ký 1 của xa-logs-01");

      // Not UTF-8: dropped and counted; the lines received before stay.
      long bad = metric("diemcau_mqtt_bad_messages_total{reason=\"invalid-logs\"}");
      box.publishRaw(Topics.of(DeviceId.of("xa-logs-01"), Channel.LOGS), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}, 1);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          metric("diemcau_mqtt_bad_messages_total{reason=\"invalid-logs\"}")).isEqualTo(bad + 1));
      assertThat(hub.api.get("/api/boxes/xa-logs-01/logs").json().get("commandId").asText()).isEqualTo(id);

      // Out of range: refused by the hub with the rule, nothing sent.
      Api.Result junk = hub.api.post("/api/commands", Map.of("boxes", List.of("xa-logs-01"),
          "command", Map.of("type", "collect_logs", "lines", 0)));
      assertThat(junk.status()).isEqualTo(400);
      assertThat(junk.json().get("error").asText()).contains("lines");
      assertThat(box.received).hasSize(1);
    }
  }

  @Test
  void boxA_publishingInBsSubtreeOrReadingBsCommands_isDeniedAndCounted() throws Exception {
    String pwA = register("xa-a-01", "An Phú");
    register("xa-b-01", "An Phú");
    long publishDenied = metric("diemcau_broker_denied_total{action=\"publish\"}");
    long subscribeDenied = metric("diemcau_broker_denied_total{action=\"subscribe\"}");
    try (TestBox a = new TestBox(hub.brokerUrl(), "xa-a-01", pwA, 5)) {
      var sub = a.subscribeRaw(Topics.of(DeviceId.of("xa-b-01"), Channel.COMMAND));
      assertThat(sub.getReasonCodes()).containsExactly(0x87);
      assertThat(a.connected()).isTrue();
      try {
        a.publishRaw(Topics.of(DeviceId.of("xa-b-01"), Channel.TELEMETRY), "{}".getBytes(StandardCharsets.UTF_8), 1);
      } catch (MqttException expected) {
        // Paho may or may not surface the server's DISCONNECT 0x87 on the publish itself.
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> !a.connected());
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(metric("diemcau_broker_denied_total{action=\"publish\"}")).isGreaterThan(publishDenied);
      assertThat(metric("diemcau_broker_denied_total{action=\"subscribe\"}")).isGreaterThan(subscribeDenied);
    });
    assertThat(hub.api.get("/api/boxes/xa-b-01/telemetry").status()).isEqualTo(404);
  }

  @Test
  void telemetry_malformedDroppedAndCounted_validOpensAlertsAndKeepsHistory() throws Exception {
    String pw = register("xa-telemetry-01", "Bình Minh");
    long bad = metric("diemcau_mqtt_bad_messages_total{reason=\"invalid-telemetry\"}");
    try (TestBox box = new TestBox(hub.brokerUrl(), "xa-telemetry-01", pw, 5).online()) {
      box.publishRaw(Topics.of(box.id, Channel.TELEMETRY), "{not json".getBytes(StandardCharsets.UTF_8), 0);
      box.publishRaw(Topics.of(box.id, Channel.TELEMETRY), "{\"schema\":1}".getBytes(StandardCharsets.UTF_8), 0);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          metric("diemcau_mqtt_bad_messages_total{reason=\"invalid-telemetry\"}")).isEqualTo(bad + 2));
      assertThat(box.connected()).isTrue();

      box.telemetry(TestBox.telemetry(91.5, false));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        String alerts = hub.api.get("/api/alerts?box=xa-telemetry-01").body();
        assertThat(alerts).contains("TEMPERATURE", "CAMERA_MISSING");
      });
      box.telemetry(TestBox.telemetry(50, true));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          hub.api.get("/api/alerts?box=xa-telemetry-01").json()).isEmpty());
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
          hub.api.get("/api/boxes/xa-telemetry-01/telemetry/raw").json()).hasSize(2));
      JsonNode hourly = hub.api.get("/api/boxes/xa-telemetry-01/telemetry/hourly").json();
      assertThat(hourly.get(0).get("samples").asLong()).isEqualTo(2);
      assertThat(hourly.get(0).get("cpuTemperatureMaxC").asDouble()).isEqualTo(91.5);
      assertThat(hub.api.get("/api/alerts?open=false&box=xa-telemetry-01").json()).hasSize(2);
    }
  }

  @Test
  void events_stream_deliversPresenceChanges() throws Exception {
    String pw = register("xa-sse-01", "An Phú");
    HttpRequest req = HttpRequest.newBuilder(URI.create(hub.api.base() + "/api/events"))
        .header("Authorization", "Bearer " + hub.api.token()).build();
    HttpResponse<Stream<String>> resp = hub.api.client().send(req, HttpResponse.BodyHandlers.ofLines());
    assertThat(resp.statusCode()).isEqualTo(200);
    assertThat(resp.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
    Iterator<String> lines = resp.body().iterator();
    assertThat(lines.next()).isEqualTo(": connected");
    CompletableFuture<String> presence = CompletableFuture.supplyAsync(() -> {
      while (lines.hasNext()) {
        String l = lines.next();
        if (l.startsWith("data:") && l.contains("xa-sse-01") && l.contains("ONLINE")) {
          return l;
        }
      }
      return "";
    });
    try (TestBox box = new TestBox(hub.brokerUrl(), "xa-sse-01", pw, 5).online()) {
      assertThat(presence.get(30, TimeUnit.SECONDS)).contains("\"commune\":\"An Phú\"");
    } finally {
      resp.body().close();
    }
  }

  @Test
  void join_getsTheHubsDefaultViewAndCentre_aChosenViewIsKept_junkIsRefused() throws Exception {
    String pw = register("xa-view-01", "Bình Minh");
    try (TestBox box = new TestBox(hub.brokerUrl(), "xa-view-01", pw, 5).online()) {
      Map<String, Object> plain = Map.of("type", "join", "conferenceUrl", "http://10.0.0.5:8088/janus", "room", "1234");
      Api.Result sent = hub.api.post("/api/commands", Map.of("boxes", List.of("xa-view-01"), "command", plain));
      assertThat(sent.status()).as(sent.body()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> box.received.size() == 1);
      assertThat(box.received.getFirst().command()).isInstanceOfSatisfying(Command.Join.class, j -> {
        assertThat(j.view()).contains(ConferenceView.CENTRE);
        assertThat(j.centre()).contains("Trung tâm tỉnh");
        assertThat(j.displayName()).isEqualTo("Phòng xa-view-01");
      });

      Map<String, Object> all = new java.util.HashMap<>(plain);
      all.put("view", "ALL");
      assertThat(hub.api.post("/api/commands", Map.of("boxes", List.of("xa-view-01"), "command", all)).status())
          .isEqualTo(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> box.received.size() == 2);
      assertThat(((Command.Join) box.received.get(1).command()).view()).contains(ConferenceView.ALL);
      // The join is kept as the box's desired session, with its view.
      assertThat(hub.api.get("/api/boxes/xa-view-01/state").body()).contains("\"view\":\"ALL\"");

      Map<String, Object> junk = new java.util.HashMap<>(plain);
      junk.put("view", "everyone");
      Api.Result refused = hub.api.post("/api/commands", Map.of("boxes", List.of("xa-view-01"), "command", junk));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().get("error").asText()).contains("'everyone' is not a view", "CENTRE", "ALL", "view");
      Api.Result refusedDesired = hub.api.put("/api/boxes/xa-view-01/desired", Map.of("session", junk));
      assertThat(refusedDesired.status()).isEqualTo(400);
      assertThat(refusedDesired.json().get("error").asText()).contains("'everyone' is not a view");
      assertThat(box.received).hasSize(2);

      Api.Result desired = hub.api.put("/api/boxes/xa-view-01/desired", Map.of("session", plain));
      assertThat(desired.status()).as(desired.body()).isEqualTo(200);
      assertThat(desired.json().toString()).contains("\"view\":\"CENTRE\"", "\"centre\":\"Trung tâm tỉnh\"");
    }
  }

  @Test
  void api_badInputAndMissingAuth_areJsonErrors() {
    Api.Result bad = hub.api.post("/api/boxes", Map.of("id", "Bad/Id", "displayName", "x", "commune", "y",
        "hardware", "PI5"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText()).contains("id");
    assertThat(hub.api.post("/api/commands", Map.of("boxes", List.of("nope"), "command", Map.of("type", "warp")))
        .status()).isEqualTo(400);
    Api anonymous = new Api(hub.hub.httpPort());
    Api.Result r = anonymous.get("/api/boxes");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("error").asText()).contains("/api/login");
    assertThat(anonymous.get("/metrics").body()).contains("diemcau_boxes_online", "jvm_memory_used_bytes");
  }

  private long metric(String series) {
    String text = new Api(hub.hub.httpPort()).get("/metrics").body();
    return text.lines().filter(l -> l.startsWith(series + " ")).mapToLong(l -> Long.parseLong(l.substring(
        series.length() + 1).trim())).findFirst().orElse(0);
  }
}
