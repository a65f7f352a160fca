package vn.diemcau.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.hub.storage.Database;
import vn.diemcau.hub.testing.Api;
import vn.diemcau.hub.testing.Databases;
import vn.diemcau.hub.testing.PostgresCluster;
import vn.diemcau.hub.testing.TestBox;
import vn.diemcau.hub.testing.TestHub;

/** A hub restart keeps registry, telemetry history, audit and open commands, and re-learns presence. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HubRestartIT {
  private static PostgresCluster pg;

  @TempDir Path tmp;

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private Map<String, String> database(Databases kind) throws Exception {
    if (kind == Databases.SQLITE) {
      return Map.of();
    }
    if (pg == null) {
      pg = PostgresCluster.start();
    }
    Database.Location.Postgres db = pg.newDatabase();
    return Map.of("db.url", db.jdbcUrl(), "db.user", db.user());
  }

  @ParameterizedTest
  @EnumSource(Databases.class)
  void restart_keepsRegistryHistoryAuditAndOpenCommands(Databases kind) throws Exception {
    Map<String, String> db = database(kind);
    String password;
    String openCommand;
    try (TestHub hub = TestHub.embedded(tmp, db)) {
      password = hub.api.post("/api/boxes", Map.of("id", "xa-keep-01", "displayName", "Keep", "commune", "An Phú",
          "hardware", "MINI_PC")).json().get("password").asText();
      try (TestBox box = new TestBox(hub.brokerUrl(), "xa-keep-01", password, 5).online()) {
        box.silent();
        box.telemetry(TestBox.telemetry(55, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            hub.api.get("/api/boxes/xa-keep-01/telemetry/raw").json()).hasSize(1));
        Api.Result sent = hub.api.post("/api/commands", Map.of("boxes", List.of("xa-keep-01"), "command",
            Map.of("type", "reboot"), "expirySeconds", 600));
        openCommand = sent.json().at("/commands/0/id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> box.received.size() == 1);
      }
    }

    try (TestHub hub = TestHub.embedded(tmp, db)) {
      assertThat(hub.hub.initialAdminPassword()).isEmpty();
      assertThat(hub.api.get("/api/boxes/xa-keep-01").json().at("/box/commune").asText()).isEqualTo("An Phú");
      assertThat(hub.api.get("/api/boxes/xa-keep-01/telemetry/raw").json()).hasSize(1);
      assertThat(hub.api.get("/api/boxes/xa-keep-01/telemetry").status()).isEqualTo(200);
      assertThat(hub.api.get("/api/audit?target=xa-keep-01").body()).contains("box.register", "command.reboot");
      assertThat(hub.api.get("/api/commands/" + openCommand).json().get("state").asText()).isEqualTo("SENT");
      assertThat(hub.hub.services().commands().openCount()).isEqualTo(1);
      // The box comes back to the new broker with the same credentials.
      try (TestBox box = new TestBox(hub.brokerUrl(), "xa-keep-01", password, 5).online()) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            hub.api.get("/api/boxes/xa-keep-01").json().at("/presence/state").asText()).isEqualTo("ONLINE"));
      }
    }
  }
}
