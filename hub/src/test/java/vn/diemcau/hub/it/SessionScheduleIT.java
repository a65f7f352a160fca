package vn.diemcau.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.hub.testing.Api;
import vn.diemcau.hub.testing.TestBox;
import vn.diemcau.hub.testing.TestHub;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.ConferenceView;
import vn.diemcau.protocol.DesiredState;

/**
 * The session schedule through the embedded hub with real Paho boxes: a session scheduled a few
 * seconds ahead for one commune is announced to its rooms, started by the hub's ticker (join +
 * desired session), ended (leave, desired session cleared); junk and overlaps are refused; the
 * schedule survives a restart and a start missed while the hub was down happens when it is back.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SessionScheduleIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Map<String, String> CONFERENCE = Map.of("conference.url", "http://10.99.0.1:8088/janus",
      "conference.room", "4321");

  @TempDir Path tmp;

  private static String register(TestHub hub, String id, String commune) {
    Api.Result r = hub.api.post("/api/boxes", Map.of("id", id, "displayName", "Phòng " + id, "commune", commune,
        "room", "1", "hardware", "PI5"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("password").asText();
  }

  private static Map<String, Object> body(String title, Instant start, Object minutes, String commune) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("startsAt", start.toString());
    b.put("durationMinutes", minutes);
    if (commune != null) {
      b.put("commune", commune);
    }
    return b;
  }

  private static void refused(Api.Result r, int status, String field, String text) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("error").asText()).contains(text);
    if (field != null) {
      assertThat(r.json().path("field").asText()).isEqualTo(field);
    }
  }

  private static DesiredState lastDesired(TestBox box) {
    return box.desired.isEmpty() ? null : box.desired.getLast();
  }

  @Test
  void scheduledSession_announcedToItsCommune_startsByItself_endsOnRequest_junkAndOverlapRefused() throws Exception {
    try (TestHub hub = TestHub.embedded(tmp, CONFERENCE)) {
      String pwA = register(hub, "xa-an-phu-01", "An Phú");
      String pwB = register(hub, "xa-binh-minh-01", "Bình Minh");
      try (TestBox a = new TestBox(hub.brokerUrl(), "xa-an-phu-01", pwA, 5).online();
          TestBox b = new TestBox(hub.brokerUrl(), "xa-binh-minh-01", pwB, 5).online()) {
        Instant start = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);

        // Junk is refused naming the field; nothing is scheduled.
        refused(hub.api.post("/api/sessions", body("", start, 30, "An Phú")), 400, "title", "title is required");
        refused(hub.api.post("/api/sessions", body("x".repeat(201), start, 30, null)), 400, "title", "at most 200");
        Map<String, Object> badTime = body("Tiếp dân", start, 30, null);
        badTime.put("startsAt", "ngày mai 8 giờ");
        refused(hub.api.post("/api/sessions", badTime), 400, "startsAt", "ISO-8601");
        refused(hub.api.post("/api/sessions", body("Tiếp dân", Instant.now().minus(Duration.ofHours(1)), 30, null)),
            400, "startsAt", "in the past");
        refused(hub.api.post("/api/sessions", body("Tiếp dân", start, 5, null)), 400, "durationMinutes", "between 15 and 720");
        refused(hub.api.post("/api/sessions", body("Tiếp dân", start, "nửa giờ", null)), 400, "durationMinutes",
            "whole number");
        refused(hub.api.post("/api/sessions", body("Tiếp dân", start, 30, "Tân Lập")), 400, "commune",
            "'Tân Lập' has no registered boxes");
        Map<String, Object> badView = body("Tiếp dân", start, 30, null);
        badView.put("view", "everyone");
        refused(hub.api.post("/api/sessions", badView), 400, "view", "'everyone' is not a view");
        refused(hub.api.post("/api/sessions", "[1, 2]"), 400, null, "invalid JSON body");
        assertThat(hub.api.get("/api/sessions").json()).isEmpty();

        // A session scheduled for the wrong commune is moved before it starts: the rooms follow.
        Api.Result wrong = hub.api.post("/api/sessions", body("Nhầm xã", start.plus(Duration.ofDays(3)), 60, "Bình Minh"));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(201);
        String wrongId = wrong.json().get("id").asText();
        await().atMost(WAIT).until(() -> lastDesired(b) != null && lastDesired(b).upcoming().isPresent());
        Api.Result moved = hub.api.put("/api/sessions/" + wrongId, body("Đúng xã", start.plus(Duration.ofDays(3)), 60,
            "An Phú"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> lastDesired(b).upcoming().isEmpty());
        assertThat(hub.api.post("/api/sessions/" + wrongId + "/cancel", Map.of()).json().get("state").asText())
            .isEqualTo("CANCELLED");

        Map<String, Object> ok = body("Tiếp công dân định kỳ", start, 15, "An Phú");
        ok.put("view", "ALL");
        Api.Result created = hub.api.post("/api/sessions", ok);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("state").asText()).isEqualTo("SCHEDULED");
        assertThat(created.json().get("durationMinutes").asInt()).isEqualTo(15);

        // Before it starts, the commune's room shows it as upcoming; the other commune's does not.
        await().atMost(WAIT).until(() -> lastDesired(a) != null && lastDesired(a).upcoming()
            .filter(u -> u.title().equals("Tiếp công dân định kỳ")).isPresent());
        assertThat(lastDesired(a).upcoming().orElseThrow().startsAt()).isEqualTo(start);
        assertThat(lastDesired(a).session()).isEmpty();
        assertThat(a.received).isEmpty();

        // An overlapping all-rooms session is refused naming the one it overlaps.
        refused(hub.api.post("/api/sessions", body("Toàn tỉnh", start.plusSeconds(300), 60, null)), 409, "startsAt",
            "overlaps session 'Tiếp công dân định kỳ' (" + id);

        // The ticker starts it: the commune's box gets the join and keeps it as its desired session.
        await().atMost(WAIT).until(() -> !a.received.isEmpty());
        assertThat(Instant.now()).isAfterOrEqualTo(start);
        assertThat(a.received.getFirst().command()).isInstanceOfSatisfying(Command.Join.class, j -> {
          assertThat(j.room()).isEqualTo("4321");
          assertThat(j.view()).contains(ConferenceView.ALL);
          assertThat(j.displayName()).isEqualTo("Phòng xa-an-phu-01");
        });
        await().atMost(WAIT).until(() -> lastDesired(a).session().isPresent());
        assertThat(lastDesired(a).upcoming()).isEmpty();
        JsonNode live = hub.api.get("/api/sessions/" + id).json();
        assertThat(live.get("state").asText()).isEqualTo("LIVE");
        assertThat(live.get("startedBy").asText()).isEqualTo("scheduler");
        assertThat(live.get("boxes")).extracting(JsonNode::asText).containsExactly("xa-an-phu-01");
        assertThat(hub.api.get("/api/sessions?state=LIVE").json()).hasSize(1);
        assertThat(hub.api.put("/api/sessions/" + id, body("Muộn", start, 30, "An Phú")).status()).isEqualTo(409);
        assertThat(hub.api.post("/api/sessions/" + id + "/cancel", Map.of()).status()).isEqualTo(409);

        // Ended by the operator: leave, desired session cleared.
        Api.Result ended = hub.api.post("/api/sessions/" + id + "/end", Map.of());
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("state").asText()).isEqualTo("ENDED");
        await().atMost(WAIT).until(() -> a.received.size() == 2);
        assertThat(a.received.getLast().command()).isInstanceOf(Command.Leave.class);
        await().atMost(WAIT).until(() -> lastDesired(a).session().isEmpty());
        // The other commune's room got no command and was never told to join.
        assertThat(b.received).isEmpty();
        assertThat(b.desired).allSatisfy(d -> assertThat(d.session()).isEmpty());
        assertThat(lastDesired(b).upcoming()).isEmpty();
        assertThat(hub.api.get("/api/audit?target=session:" + id).body()).contains("session.schedule", "session.start",
            "session.end");

        // A viewer reads the schedule but may not change it.
        hub.api.post("/api/users", Map.of("username", "nguoixem", "password", "mat-khau-nguoi-xem", "role", "VIEWER"));
        Api viewer = new Api(hub.hub.httpPort()).login("nguoixem", "mat-khau-nguoi-xem");
        assertThat(viewer.get("/api/sessions").json()).hasSize(2);
        assertThat(viewer.post("/api/sessions", body("Xem", start.plusSeconds(3600), 30, null)).status()).isEqualTo(403);
      }
    }
  }

  @Test
  void restart_keepsTheSchedule_andStartsAsessionWhoseStartPassedWhileTheHubWasDown() throws Exception {
    String pw;
    String later;
    String missed;
    Instant start;
    try (TestHub hub = TestHub.embedded(tmp, CONFERENCE)) {
      pw = register(hub, "xa-an-phu-01", "An Phú");
      start = Instant.now().plusSeconds(3);
      Api.Result r = hub.api.post("/api/sessions", body("Bắt đầu khi hub tắt", start, 15, "An Phú"));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      missed = r.json().get("id").asText();
      Api.Result r2 = hub.api.post("/api/sessions", body("Ngày mai", start.plus(Duration.ofDays(1)), 120, null));
      later = r2.json().get("id").asText();
    }
    await().atMost(WAIT).until(() -> Instant.now().isAfter(start.plusSeconds(1)));

    try (TestHub hub = TestHub.embedded(tmp, CONFERENCE);
        TestBox a = new TestBox(hub.brokerUrl(), "xa-an-phu-01", pw, 5).online()) {
      await().atMost(WAIT).untilAsserted(() -> assertThat(hub.api.get("/api/sessions/" + missed).json()
          .get("state").asText()).isEqualTo("LIVE"));
      assertThat(hub.api.get("/api/sessions/" + later).json().get("state").asText()).isEqualTo("SCHEDULED");
      // The box comes online after the start: its retained desired state carries the session and what comes next.
      await().atMost(WAIT).until(() -> lastDesired(a) != null && lastDesired(a).session().isPresent());
      assertThat(lastDesired(a).upcoming().orElseThrow().title()).isEqualTo("Ngày mai");
    }
  }
}
