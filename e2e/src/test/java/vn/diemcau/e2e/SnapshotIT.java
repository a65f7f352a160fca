package vn.diemcau.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.e2e.Rig.BoxSpec;

/**
 * The hub's "snapshot" command end to end: the real hub (child JVM, embedded broker) sends it to a
 * real appliance process (GStreamer test camera, idle with its warm call pipeline); the box
 * publishes a JPEG on its snapshot topic before replying SUCCEEDED; the hub serves that JPEG at
 * {@code GET /api/boxes/{id}/snapshot}, as the box page shows it. Then "collect_logs": the box's
 * recent log lines, served at {@code GET /api/boxes/{id}/logs}. No Janus needed.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SnapshotIT {
  private static final BoxSpec BOX = new BoxSpec("xa-chup-anh", "Xã Chụp Ảnh", "Chụp Ảnh", 0, 440);
  private static final Duration STARTUP = Duration.ofSeconds(180);

  @Test
  void snapshotCommand_throughTheHub_storesTheBoxCameraJpegAtTheHub(@TempDir Path dir) throws Exception {
    try (Rig rig = new Rig(dir, "snapshot")) {
      rig.startHub();
      rig.register(BOX);
      rig.startBox(BOX.id());
      await("box online at the hub").atMost(STARTUP).untilAsserted(() -> {
        rig.requireAllAlive();
        assertThat(rig.box(BOX.id()).path("presence").path("state").asText()).isEqualTo("ONLINE");
      });

      JsonNode sent = rig.api().post("/api/commands", Map.of("boxes", List.of(BOX.id()), "command", Map.of("type", "snapshot")));
      String batch = sent.path("batchId").asText();
      JsonNode[] done = new JsonNode[1];
      await("snapshot command finished").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        rig.requireAllAlive();
        JsonNode c = rig.api().get("/api/batches/" + batch).path("commands").get(0);
        assertThat(c.path("state").asText()).isIn("SUCCEEDED", "FAILED", "REJECTED", "TIMED_OUT", "EXPIRED");
        done[0] = c;
      });
      assertThat(done[0].path("state").asText()).as("command %s", done[0]).isEqualTo("SUCCEEDED");

      HttpResponse<byte[]> r = snapshot(rig);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/jpeg"));
      byte[] jpeg = r.body();
      // JPEG start (SOI) and end (EOI) markers, a plausible size for 640x360 test bars, the size the box reported.
      assertThat(jpeg.length).isBetween(2_000, 2 * 1024 * 1024);
      assertThat(new byte[] {jpeg[0], jpeg[1]}).containsExactly(0xFF, 0xD8);
      assertThat(new byte[] {jpeg[jpeg.length - 2], jpeg[jpeg.length - 1]}).containsExactly(0xFF, 0xD9);
      assertThat(done[0].path("result").path("bytes").asInt()).isEqualTo(jpeg.length);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
      assertThat(image).as("decodable JPEG").isNotNull();
      assertThat(image.getWidth()).isEqualTo(640);
      assertThat(image.getHeight()).isEqualTo(360);

      // collect_logs: the box's own recent log lines, read at the hub; they tell the snapshot's story.
      JsonNode logsSent = rig.api().post("/api/commands", Map.of("boxes", List.of(BOX.id()),
          "command", Map.of("type", "collect_logs", "lines", 100)));
      String logsBatch = logsSent.path("batchId").asText();
      await("collect_logs finished").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        rig.requireAllAlive();
        assertThat(rig.api().get("/api/batches/" + logsBatch).path("commands").get(0).path("state").asText())
            .isEqualTo("SUCCEEDED");
      });
      JsonNode logs = rig.api().get("/api/boxes/" + BOX.id() + "/logs");
      String text = logs.path("text").asText();
      assertThat(logs.path("lines").asInt()).isBetween(2, 100).isEqualTo((int) text.lines().count());
      assertThat(text).contains("Snapshot " + done[0].path("id").asText());
      assertThat(text.lines().toList().getLast()).contains("INFO");
    }
  }

  /** The stored JPEG, fetched like the box page does (binary, so not through {@link Http}). */
  private static HttpResponse<byte[]> snapshot(Rig rig) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String login = Http.JSON.writeValueAsString(Map.of("username", "admin", "password", rig.adminPassword()));
    HttpResponse<String> l = client.send(HttpRequest.newBuilder(URI.create(rig.hubUrl() + "/api/login"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
        HttpResponse.BodyHandlers.ofString());
    String token = Http.JSON.readTree(l.body()).path("token").asText();
    return client.send(HttpRequest.newBuilder(URI.create(rig.hubUrl() + "/api/boxes/" + BOX.id() + "/snapshot"))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
