package vn.diemcau.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.hub.testing.Api;
import vn.diemcau.hub.testing.TestBox;
import vn.diemcau.hub.testing.TestHub;

/**
 * A box that stops answering (SIGSTOP: the TCP connection stays open) is offline 1.5 × its
 * keep-alive after its last packet (plus the Will's delivery), with an OFFLINE alert: the broker
 * enforces the keep-alive and publishes the box's Last Will.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OfflineDetectionIT {
  private static final int KEEPALIVE = 2;
  private static final long DELIVERY_MILLIS = 500;

  @TempDir Path tmp;

  @Test
  void stoppedBox_isOfflineWithinOneAndAHalfKeepAlives_andAlerted() throws Exception {
    try (TestHub hub = TestHub.embedded(tmp, Map.of())) {
      Api.Result r = hub.api.post("/api/boxes", Map.of("id", "xa-stop-01", "displayName", "Stop", "commune", "An Phú",
          "hardware", "PI5"));
      String password = r.json().get("password").asText();
      Process box = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), TestBox.class.getName(), hub.brokerUrl(), "xa-stop-01", password,
          Integer.toString(KEEPALIVE), "200").redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(box.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
          // the child's log lines
        }
        assertThat(line).isEqualTo("READY");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            hub.api.get("/api/boxes/xa-stop-01").json().at("/presence/state").asText()).isEqualTo("ONLINE"));

        await().atMost(Duration.ofSeconds(30)).until(() -> hub.hub.services().presence().get("xa-stop-01").lastSeen()
            .isPresent());
        signal("STOP", box.pid());
        long stoppedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> assertThat(
            hub.hub.services().presence().get("xa-stop-01").state().name()).isEqualTo("OFFLINE"));
        long millis = (System.nanoTime() - stoppedAt) / 1_000_000;
        var p = hub.hub.services().presence().get("xa-stop-01");
        // The broker's keep-alive clock starts at the box's last packet: its last telemetry, as seen by the hub.
        long sinceLastMessage = Duration.between(p.lastSeen().orElseThrow(), p.since()).toMillis();
        System.out.println("offline detected " + sinceLastMessage + " ms after the box's last message, " + millis
            + " ms after SIGSTOP (keep-alive " + KEEPALIVE + " s)");
        // The broker drops the box 1.5 × keep-alive after that packet; the Will then still has to reach
        // the hub and be processed (measured 2.2-3.1 s in all, on a loaded 2-core machine): allow 500 ms.
        assertThat(sinceLastMessage).isLessThanOrEqualTo((long) (1.5 * KEEPALIVE * 1000) + DELIVERY_MILLIS);
        assertThat(millis).isLessThanOrEqualTo((long) (1.5 * KEEPALIVE * 1000) + DELIVERY_MILLIS);
        List<?> alerts = List.of(hub.api.get("/api/alerts?box=xa-stop-01").json());
        assertThat(alerts.toString()).contains("OFFLINE");
      } finally {
        signal("CONT", box.pid());
        box.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void signal(String sig, long pid) throws Exception {
    Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start();
    assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

}
