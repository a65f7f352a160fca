package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.config.AdminConfig;
import vn.diemcau.appliance.config.ApplianceConfig;
import vn.diemcau.appliance.config.BootSettings;
import vn.diemcau.appliance.config.ConferenceSettings;
import vn.diemcau.appliance.config.ConfigException;
import vn.diemcau.appliance.config.ConfigParser;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.hardware.HardwareSettings;

/** {@code systemd/appliance.factory.json}: an unprovisioned box with safe defaults; with a box id and a hub it is a valid config. */
class FactoryConfigTest {

    static final Path FACTORY = Path.of("..", "systemd", "appliance.factory.json");

    @TempDir
    Path dir;

    @Test
    void factoryConfig_leavesTheBoxUnprovisioned_withThePageOnItsDefaultPorts() {
        ConfigStore store = ConfigStore.load(dir.resolve("appliance.json"), Map.of(), Optional.of(FACTORY), Clock.systemUTC());

        assertThat(store.provisioned()).isFalse();
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("boxId: is required"));
        BootSettings boot = BootSettings.of(store);
        assertThat(boot.admin()).isEqualTo(AdminConfig.defaults());
        assertThat(boot.devMode()).isFalse();
        assertThat(boot.conferenceKind()).isEqualTo(ConferenceSettings.Kind.JANUS);
        assertThat(boot.hardware().profile()).isEqualTo(HardwareSettings.Profile.AUTO);
        assertThat(MediaConfig.media(boot.media()).videoSource()).isEqualTo("auto");
    }

    @Test
    void factoryConfig_withBoxIdAndHub_isAValidConfig() throws Exception {
        ObjectNode tree = ConfigParser.tree(Files.readAllBytes(FACTORY));
        assertThatThrownBy(() -> ConfigParser.parse(tree)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.key()).isEqualTo("boxId"));
        tree.put("boxId", "xa-an-phu-01");
        tree.withObject("hub").put("brokerUrl", "ssl://hub.tinh.gov.vn:8883");

        ApplianceConfig c = ConfigParser.parse(tree);

        assertThat(c.devMode()).isFalse();
        assertThat(c.hub().tls()).isTrue();
        assertThat(c.admin().enabled()).isTrue();
        assertThat(c.telemetryInterval().toSeconds()).isEqualTo(10);
    }
}
