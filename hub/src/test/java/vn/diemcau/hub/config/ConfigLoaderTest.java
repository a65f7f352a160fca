package vn.diemcau.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path tmp;

  @Test
  void load_defaults_embeddedSqlite() {
    HubConfig c = ConfigLoader.load(Optional.empty(), Map.of());
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.db().url()).isEmpty();
    assertThat(c.broker()).isInstanceOfSatisfying(HubConfig.Broker.Embedded.class, e -> {
      assertThat(e.port()).isEqualTo(1883);
      assertThat(e.tlsPort()).isEqualTo(8883);
    });
  }

  @Test
  void load_environment_overridesFile() throws Exception {
    Path f = tmp.resolve("hub.properties");
    Files.writeString(f, "http.port=9000\nbroker.mode=external\nbroker.password=secret-1\nhealth.maxCpuTemperatureC=75\n");
    HubConfig c = ConfigLoader.load(Optional.of(f), Map.of("DIEMCAU_HUB_HTTP_PORT", "9100"));
    assertThat(c.http().port()).isEqualTo(9100);
    assertThat(c.thresholds().maxCpuTemperatureC()).isEqualTo(75);
    assertThat(c.broker()).isInstanceOf(HubConfig.Broker.External.class);
    assertThat(c.broker().toString()).doesNotContain("secret-1");
  }

  @Test
  void load_badValue_namesTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("DIEMCAU_HUB_HTTP_PORT", "eighty")))
        .hasMessageContaining("http.port").hasMessageContaining("DIEMCAU_HUB_HTTP_PORT");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("DIEMCAU_HUB_BROKER_MODE", "cloud")))
        .hasMessageContaining("broker.mode");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("DIEMCAU_HUB_BROKER_MODE", "external")))
        .hasMessageContaining("broker.password");
  }

  @Test
  void load_conferenceView_defaultsToTheCentre_environmentChoosesAllRooms() {
    HubConfig d = ConfigLoader.load(Optional.empty(), Map.of());
    assertThat(d.conference().view()).isEqualTo(vn.diemcau.protocol.ConferenceView.CENTRE);
    assertThat(d.conference().centre()).isEmpty();
    HubConfig all = ConfigLoader.load(Optional.empty(), Map.of("DIEMCAU_HUB_CONFERENCE_VIEW", "all",
        "DIEMCAU_HUB_CONFERENCE_CENTRE", "Trung tâm tỉnh"));
    assertThat(all.conference().view()).isEqualTo(vn.diemcau.protocol.ConferenceView.ALL);
    assertThat(all.conference().centre()).contains("Trung tâm tỉnh");
  }

  @Test
  void load_badConferenceView_namesTheKeyAndTheChoices() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("DIEMCAU_HUB_CONFERENCE_VIEW", "everyone")))
        .hasMessageContaining("conference.view").hasMessageContaining("DIEMCAU_HUB_CONFERENCE_VIEW")
        .hasMessageContaining("centre").hasMessageContaining("all").hasMessageContaining("'everyone'");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("DIEMCAU_HUB_CONFERENCE_CENTRE", "x".repeat(101))))
        .hasMessageContaining("conference.centre");
  }
}
