package vn.diemcau.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.hub.security.PasswordHash;
import vn.diemcau.hub.testing.Api;
import vn.diemcau.hub.testing.Mosquitto;
import vn.diemcau.hub.testing.TestBox;
import vn.diemcau.hub.testing.TestHub;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.TopicPermissions;
import vn.diemcau.protocol.Topics;

/** External broker mode against Debian's Mosquitto 2 with the files the hub exports. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MosquittoHubIT {
  @TempDir Path tmp;

  @Test
  void externalMosquitto_registerConnectCommand_andIsolation() throws Exception {
    Path export = tmp.resolve("mosquitto");
    Files.createDirectories(export);
    String hubPassword = "hub-password-for-tests";
    // The hub rewrites these on start; Mosquitto needs them before the hub can connect.
    Files.writeString(export.resolve("passwords"), Topics.HUB_USERNAME + ":"
        + PasswordHash.hash(hubPassword, PasswordHash.BOX_ITERATIONS) + "\n");
    Files.writeString(export.resolve("acl"), TopicPermissions.mosquittoAcl());
    try (Mosquitto mosquitto = Mosquitto.start(tmp, export.resolve("passwords"), export.resolve("acl"));
        TestHub hub = TestHub.external(tmp.resolve("state"), mosquitto.url(), hubPassword, export,
            Map.of("broker.reloadCommand", mosquitto.reloadCommand()))) {
      Api.Result a = hub.api.post("/api/boxes", Map.of("id", "xa-mq-a", "displayName", "A", "commune", "An Phú",
          "hardware", "PI4"));
      Api.Result b = hub.api.post("/api/boxes", Map.of("id", "xa-mq-b", "displayName", "B", "commune", "An Phú",
          "hardware", "PI4"));
      assertThat(a.status()).isEqualTo(201);
      assertThat(Files.readString(export.resolve("passwords"))).contains("xa-mq-a:$7$", "xa-mq-b:$7$");

      TestBox boxA = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> new TestBox(mosquitto.url(), "xa-mq-a", a.json().get("password").asText(), 5), x -> true);
      try (boxA) {
        boxA.online();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            hub.api.get("/api/boxes/xa-mq-a").json().at("/presence/state").asText()).isEqualTo("ONLINE"));

        String id = hub.api.post("/api/commands", Map.of("boxes", List.of("xa-mq-a"), "command",
            Map.of("type", "self_test"))).json().at("/commands/0/id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            hub.api.get("/api/commands/" + id).json().get("state").asText()).isEqualTo("SUCCEEDED"));

        // A cannot read B's commands nor write into B's subtree. Mosquitto grants the
        // subscription but its ACL withholds B's messages; a write into B's subtree is dropped.
        boxA.subscribeRaw(Topics.of(DeviceId.of("xa-mq-b"), Channel.COMMAND));
        try {
          boxA.publishRaw(Topics.of(DeviceId.of("xa-mq-b"), Channel.STATUS), vn.diemcau.protocol.ProtocolCodec.encode(
              new vn.diemcau.protocol.Status(vn.diemcau.protocol.Presence.OFFLINE, java.time.Instant.now(), "forged",
                  java.util.Optional.empty())), 1);
        } catch (org.eclipse.paho.mqttv5.common.MqttException refused) {
          // Mosquitto may answer PUBACK 0x87; either way nothing is delivered.
        }
        hub.api.post("/api/commands", Map.of("boxes", List.of("xa-mq-b"), "command", Map.of("type", "reboot")));
        hub.api.post("/api/commands", Map.of("boxes", List.of("xa-mq-a"), "command", Map.of("type", "snapshot")));
        await().atMost(Duration.ofSeconds(30)).until(() -> boxA.received.size() == 2);
        assertThat(boxA.rawReceived).isEmpty();
        boxA.telemetry(TestBox.telemetry(40, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            hub.api.get("/api/boxes/xa-mq-a/telemetry").status()).isEqualTo(200));
        assertThat(hub.api.get("/api/boxes/xa-mq-b").json().at("/presence/state").asText()).isEqualTo("UNKNOWN");
      }

      // Disabling a box removes it from the password file; Mosquitto refuses it after the reload.
      hub.api.post("/api/boxes/xa-mq-b/disable", Map.of());
      assertThat(Files.readString(export.resolve("passwords"))).doesNotContain("xa-mq-b:");

      // While the hub is down, box A comes online; the restarted hub learns it from the retained status.
      hub.close();
      try (TestBox again = new TestBox(mosquitto.url(), "xa-mq-a", a.json().get("password").asText(), 5).online();
          TestHub restarted = TestHub.external(tmp.resolve("state"), mosquitto.url(), hubPassword, export,
              Map.of("broker.reloadCommand", mosquitto.reloadCommand()))) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            restarted.api.get("/api/boxes/xa-mq-a").json().at("/presence/bootId").asText())
            .isEqualTo(again.bootId()));
        assertThat(restarted.api.get("/api/boxes/xa-mq-a").json().at("/presence/state").asText()).isEqualTo("ONLINE");
      }
    }
  }
}
