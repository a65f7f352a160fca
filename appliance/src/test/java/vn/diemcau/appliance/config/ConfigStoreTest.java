package vn.diemcau.appliance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    static final String VALID = """
            {"boxId": "xa-an-phu-01", "displayName": "Xã An Phú",
             "hub": {"brokerUrl": "tcp://127.0.0.1:1883", "password": "s3cret"},
             "conference": {"kind": "janus", "defaultSession": {"server": "http://10.0.0.5:8088/janus", "room": "1234"}},
             "media": {"video": {"width": 1280}}, "unknownKey": 1}
            """;

    @TempDir
    Path dir;

    Path write(String json) throws IOException {
        Path f = dir.resolve("appliance.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void open_validFile_parsesTypedConfigWithDefaults() throws IOException {
        ApplianceConfig c = ConfigStore.open(write(VALID), Map.of()).current();
        assertThat(c.boxId()).isEqualTo("xa-an-phu-01");
        assertThat(c.hub().username()).isEqualTo("xa-an-phu-01");
        assertThat(c.hub().password().value()).isEqualTo("s3cret");
        assertThat(c.hub().password().toString()).doesNotContain("s3cret");
        assertThat(c.telemetryInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.conference().defaultSession()).hasValueSatisfying(s -> {
            assertThat(s.room()).isEqualTo("1234");
            assertThat(s.displayName()).isEqualTo("Xã An Phú");
        });
        assertThat(c.media().path("video").path("width").asInt()).isEqualTo(1280);
        assertThat(c.devMode()).isFalse();
    }

    @Test
    void open_environmentOverrides_winOverFile() throws IOException {
        ApplianceConfig c = ConfigStore.open(write(VALID), Map.of("DIEMCAU_HUB_URL", "ssl://hub.example:8883",
                "DIEMCAU_TELEMETRY_INTERVAL_SECONDS", "3")).current();
        assertThat(c.hub().tls()).isTrue();
        assertThat(c.telemetryInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void open_badValue_failsNamingTheKey() throws IOException {
        Path f = write(VALID.replace("tcp://127.0.0.1:1883", "http://x:1"));
        assertThatThrownBy(() -> ConfigStore.open(f, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("hub.brokerUrl"));
        Path g = write(VALID.replace("\"xa-an-phu-01\"", "\"Bad/Id\""));
        assertThatThrownBy(() -> ConfigStore.open(g, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("boxId"));
        Path h = write(VALID.replace("\"kind\": \"janus\"", "\"kind\": \"none\""));
        assertThatThrownBy(() -> ConfigStore.open(h, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("conference.kind"));
    }

    @Test
    void open_missingRequiredKey_failsNamingIt() throws IOException {
        Path f = write("{\"boxId\": \"a1\", \"hub\": {}}");
        assertThatThrownBy(() -> ConfigStore.open(f, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("hub.brokerUrl"));
    }

    @Test
    void update_writesAtomicallyKeepsPreviousAndUnknownKeysAndTellsListeners() throws IOException {
        Path f = write(VALID);
        ConfigStore store = ConfigStore.open(f, Map.of());
        List<ApplianceConfig> seen = new ArrayList<>();
        store.addListener(seen::add);

        store.update(t -> t.put("telemetryIntervalSeconds", 5));

        assertThat(store.current().telemetryInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(seen).hasSize(1);
        assertThat(Files.readString(ConfigStore.previousFile(f))).isEqualTo(VALID);
        assertThat(Files.readString(f)).contains("\"telemetryIntervalSeconds\" : 5").contains("unknownKey");
        assertThat(ConfigStore.open(f, Map.of()).current().telemetryInterval()).isEqualTo(Duration.ofSeconds(5));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("appliance.json", "appliance.json.prev");
        }
    }

    @Test
    void update_invalidEdit_writesNothing() throws IOException {
        Path f = write(VALID);
        ConfigStore store = ConfigStore.open(f, Map.of());
        assertThatThrownBy(() -> store.update(t -> t.put("telemetryIntervalSeconds", 0)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("telemetryIntervalSeconds"));
        assertThat(Files.readString(f)).isEqualTo(VALID);
        assertThat(ConfigStore.previousFile(f)).doesNotExist();
    }

    @Test
    void open_corruptFileWithValidPrevious_runsOnPreviousAndReportsIt() throws IOException {
        Path f = write(VALID);
        ConfigStore.open(f, Map.of()).update(t -> t.put("telemetryIntervalSeconds", 7));
        Files.write(f, "{\"boxId\": \"xa-an".getBytes(StandardCharsets.UTF_8));

        ConfigStore store = ConfigStore.open(f, Map.of());

        assertThat(store.current().boxId()).isEqualTo("xa-an-phu-01");
        assertThat(store.current().telemetryInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("not valid JSON").contains("line 1"));
    }

    @Test
    void open_corruptFileWithoutPrevious_failsWithClearError() throws IOException {
        Path f = write("{ nope");
        assertThatThrownBy(() -> ConfigStore.open(f, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void reload_corruptFile_keepsRunningConfig() throws IOException {
        Path f = write(VALID);
        ConfigStore store = ConfigStore.open(f, Map.of());
        Files.writeString(f, "garbage");
        assertThat(store.reload()).isPresent();
        assertThat(store.current().boxId()).isEqualTo("xa-an-phu-01");
    }

    @Test
    void hardwareSubtree_parsesIntoHardwareSettings_andBadPinNamesHardware() throws IOException {
        ApplianceConfig c = ConfigStore.open(write(VALID.replace("\"unknownKey\": 1",
                "\"hardware\": {\"profile\": \"pi5\", \"pins\": {\"joinButton\": 27}, \"longPressMillis\": 3000}")), Map.of()).current();
        assertThat(c.hardware().profile()).isEqualTo(vn.diemcau.hardware.HardwareSettings.Profile.PI5);
        assertThat(c.hardware().pins().joinButton()).isEqualTo(27);
        assertThat(c.hardware().longPressMillis()).isEqualTo(3000);
        Path bad = write(VALID.replace("\"unknownKey\": 1", "\"hardware\": {\"pins\": {\"joinButton\": 5}}"));
        assertThatThrownBy(() -> ConfigStore.open(bad, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("hardware"));
    }

    @Test
    void redactedJson_hidesPassword() throws IOException {
        ConfigStore store = ConfigStore.open(write(VALID), Map.of());
        assertThat(store.redactedJson()).doesNotContain("s3cret").contains("<redacted>");
    }

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC);
    static final String FACTORY = """
            {"devMode": true, "conference": {"kind": "none"}, "hardware": {"profile": "virtual"},
             "admin": {"httpsPort": 9443, "httpPort": -1}}
            """;

    @Test
    void load_noFileNoFactory_isUnprovisionedOverAnEmptyTree() {
        ConfigStore store = ConfigStore.load(dir.resolve("appliance.json"), Map.of(), Optional.of(dir.resolve("missing.json")), CLOCK);
        assertThat(store.provisioned()).isFalse();
        assertThat(store.running()).isEmpty();
        assertThatThrownBy(store::current).isInstanceOf(IllegalStateException.class).hasMessageContaining("not provisioned");
        assertThat(store.fileTree().isEmpty()).isTrue();
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("does not exist").contains("boxId"));
        assertThat(BootSettings.of(store).admin()).isEqualTo(AdminConfig.defaults());
    }

    @Test
    void load_noFile_startsFromTheFactoryConfig_andTheFirstValidUpdateProvisions() throws IOException {
        Path factory = dir.resolve("factory.json");
        Files.writeString(factory, FACTORY);
        Path f = dir.resolve("appliance.json");
        ConfigStore store = ConfigStore.load(f, Map.of(), Optional.of(factory), CLOCK);
        assertThat(store.provisioned()).isFalse();
        BootSettings boot = BootSettings.of(store);
        assertThat(boot.admin().httpsPort()).isEqualTo(9443);
        assertThat(boot.devMode()).isTrue();
        assertThat(boot.conferenceKind()).isEqualTo(ConferenceSettings.Kind.NONE);
        List<ApplianceConfig> told = new ArrayList<>();
        store.addListener(told::add);

        assertThatThrownBy(() -> store.update(t -> t.put("boxId", "xa-01")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("hub.brokerUrl"));
        assertThat(f).doesNotExist();
        assertThat(store.provisioned()).isFalse();

        store.update(t -> {
            t.put("boxId", "xa-01");
            t.putObject("hub").put("brokerUrl", "tcp://127.0.0.1:1883");
            return t;
        });
        assertThat(store.provisioned()).isTrue();
        assertThat(store.problem()).isEmpty();
        assertThat(told).singleElement().satisfies(c -> assertThat(c.boxId()).isEqualTo("xa-01"));
        assertThat(ConfigStore.load(f, Map.of(), Optional.of(factory), CLOCK).current().admin().httpsPort()).isEqualTo(9443);
    }

    @Test
    void load_corruptFile_isKeptAside_andTheBoxIsUnprovisioned() throws IOException {
        Path f = write("{\"boxId\": \"xa-an");
        ConfigStore store = ConfigStore.load(f, Map.of(), Optional.empty(), CLOCK);
        assertThat(store.provisioned()).isFalse();
        Path aside = dir.resolve("appliance.json.corrupt-20261130T060000Z");
        assertThat(aside).hasContent("{\"boxId\": \"xa-an");
        assertThat(f).doesNotExist();
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("corrupt").contains("not valid JSON")
                .contains(aside.getFileName().toString()));

        Files.writeString(f, "");
        ConfigStore.load(f, Map.of(), Optional.empty(), CLOCK);
        assertThat(dir.resolve("appliance.json.corrupt-20261130T060000Z-1")).exists().hasContent("");
        assertThat(aside).hasContent("{\"boxId\": \"xa-an");
    }

    @Test
    void load_corruptFileWithValidPrevious_keepsItAside_andRestoresThePrevious() throws IOException {
        Path f = write(VALID);
        ConfigStore.open(f, Map.of()).update(t -> t.put("telemetryIntervalSeconds", 7));
        Files.writeString(f, "garbage");

        ConfigStore store = ConfigStore.load(f, Map.of(), Optional.empty(), CLOCK);

        assertThat(store.current().telemetryInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("corrupt").contains("previous version"));
        assertThat(dir.resolve("appliance.json.corrupt-20261130T060000Z")).hasContent("garbage");
        assertThat(f).hasContent(VALID);
    }

    @Test
    void load_readableButInvalidFile_staysInPlace_asTheBaseForProvisioning() throws IOException {
        Path f = write("{\"displayName\": \"Xã An Phú\", \"hub\": {\"brokerUrl\": \"http://wrong:1\"}}");
        ConfigStore store = ConfigStore.load(f, Map.of(), Optional.empty(), CLOCK);
        assertThat(store.provisioned()).isFalse();
        assertThat(store.fileTree().path("displayName").asText()).isEqualTo("Xã An Phú");
        assertThat(f).exists();
        assertThat(dir.toFile().list()).containsExactly("appliance.json");
    }
}
