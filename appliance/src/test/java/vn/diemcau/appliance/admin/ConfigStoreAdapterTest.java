package vn.diemcau.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.config.ConfigStore;

/** The provisioning port over the real, atomic ConfigStore. */
class ConfigStoreAdapterTest {
    @TempDir
    Path dir;
    Path file;
    ConfigStore store;
    ConfigStoreAdapter adapter;

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("appliance.json");
        Files.writeString(file, ProvisioningPageTest.INITIAL_JSON.replace("\"telemetryIntervalSeconds\": 10",
                "\"telemetryIntervalSeconds\": 10, \"hardware\": {\"profile\": \"virtual\"}, \"media\": {\"encoder\": \"x264enc\"}"));
        store = ConfigStore.open(file, Map.of());
        adapter = new ConfigStoreAdapter(store);
    }

    @Test
    void current_readsTheProvisioningKeys() {
        assertThat(adapter.current()).isEqualTo(FakeBox.INITIAL);
        assertThat(adapter.previousSavedAt()).isEmpty();
    }

    @Test
    void save_changedHub_appliesLive_keepsOtherKeys_andThePreviousFile() throws Exception {
        Provisioning changed = new Provisioning("xa-an-phu-01", "UBND xã An Phú", "An Phú", "Phòng 2", "ssl://hub.example.vn:8883",
                "xa-an-phu-01", "moi", "https://meet.example.vn/janus", "77", "4321");
        assertThat(adapter.save(changed)).isEqualTo(ConfigPort.Applied.LIVE);
        assertThat(adapter.current()).isEqualTo(changed);
        assertThat(store.current().hub().brokerUrl().toString()).isEqualTo("ssl://hub.example.vn:8883");
        assertThat(store.current().conference().defaultSession().orElseThrow().room()).isEqualTo("77");
        assertThat(Files.readString(file)).contains("\"profile\" : \"virtual\"").contains("x264enc");
        assertThat(adapter.previousSavedAt()).isPresent();

        Provisioning renamed = new Provisioning("xa-an-phu-01", "UBND xã An Phú (mới)", "An Phú", "Phòng 2", "ssl://hub.example.vn:8883",
                "xa-an-phu-01", "moi", "https://meet.example.vn/janus", "78", "4321");
        assertThat(adapter.save(renamed)).isEqualTo(ConfigPort.Applied.LIVE);
        assertThat(adapter.rollback()).isEqualTo(ConfigPort.Applied.LIVE);
        assertThat(adapter.current()).isEqualTo(changed);
    }

    @Test
    void save_valueTheStoreRefuses_namesTheField_andWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(file);
        Provisioning bad = FakeBox.INITIAL.withHubPassword("x");
        Provisioning badUrl = new Provisioning(bad.boxId(), bad.displayName(), bad.commune(), bad.room(), "mqtt://hub:1883",
                bad.hubUsername(), bad.hubPassword(), bad.conferenceServer(), bad.conferenceRoom(), bad.conferencePin());
        assertThatThrownBy(() -> adapter.save(badUrl)).isInstanceOfSatisfying(ConfigPort.InvalidField.class,
                e -> assertThat(e.field()).isEqualTo("hubUrl"));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(ConfigStore.previousFile(file)).doesNotExist();
    }

    @Test
    void mediaChoice_savesTheMediaKeys() {
        assertThat(adapter.mediaChoice()).isEqualTo(new ConfigPort.MediaChoice("auto", "auto", "auto"));
        adapter.saveMediaChoice(new ConfigPort.MediaChoice("v4l2:/dev/video0", "alsa:hw:1,0", "auto"));
        assertThat(adapter.mediaChoice().camera()).isEqualTo("v4l2:/dev/video0");
        assertThat(store.fileTree().path("media").path("encoder").asText()).isEqualTo("x264enc");
    }
}
