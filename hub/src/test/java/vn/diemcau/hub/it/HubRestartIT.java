package vn.diemcau.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** A hub restart keeps registry, telemetry history, audit and open commands, and re-learns presence. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HubRestartIT {
  @TempDir Path tmp;

  @Test
  void restart_keepsRegistryHistoryAuditAndOpenCommands() throws Exception {
    String password;
    String openCommand;
    try (TestHub hub = TestHub.embedded(tmp, Map.of())) {
      password = hub.api.post("/api/boxes", Map.of("id", "xa-keep-01", "displayName", "Keep", "commune", "An Phú",
          "hardware", "MINI_PC")).json().get("password").asText();
      try (TestBox box = new TestBox(hub.brokerUrl(), "xa-keep-01", password, 5).online()) {
        box.silent();
        box.telemetry(TestBox.telemetry(55, true));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
            hub.api.get("/api/boxes/xa-keep-01/telemetry/raw").json()).hasSize(1));
        Api.Result sent = hub.api.post("/api/commands", Map.of("boxes", List.of("xa-keep-01"), "command",
            Map.of("type", "reboot"), "expirySeconds", 600));
        openCommand = sent.json().at("/commands/0/id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> box.received.size() == 1);
      }
    }

    try (TestHub hub = TestHub.embedded(tmp, Map.of())) {
      assertThat(hub.hub.initialAdminPassword()).isEmpty();
      assertThat(hub.api.get("/api/boxes/xa-keep-01").json().at("/box/commune").asText()).isEqualTo("An Phú");
      assertThat(hub.api.get("/api/boxes/xa-keep-01/telemetry/raw").json()).hasSize(1);
      assertThat(hub.api.get("/api/boxes/xa-keep-01/telemetry").status()).isEqualTo(200);
      assertThat(hub.api.get("/api/audit?target=xa-keep-01").body()).contains("box.register", "command.reboot");
      assertThat(hub.api.get("/api/commands/" + openCommand).json().get("state").asText()).isEqualTo("SENT");
      assertThat(hub.hub.services().commands().openCount()).isEqualTo(1);
      // The box comes back to the new broker with the same credentials.
      try (TestBox box = new TestBox(hub.brokerUrl(), "xa-keep-01", password, 5).online()) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
            hub.api.get("/api/boxes/xa-keep-01").json().at("/presence/state").asText()).isEqualTo("ONLINE"));
      }
    }
  }
}
