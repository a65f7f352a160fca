package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.diemcau.appliance.config.ConfigException;
import vn.diemcau.appliance.media.MediaSettings;

class MediaConfigTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void media_emptySubtree_isDefaults() throws Exception {
        assertThat(MediaConfig.media(JSON.readTree("{}"))).isEqualTo(MediaSettings.defaults());
        assertThat(MediaConfig.janus(JSON.readTree("{}")).autoRejoin()).isFalse();
    }

    @Test
    void media_readsVideoBlockWrittenByApplyConfig() throws Exception {
        MediaSettings m = MediaConfig.media(JSON.readTree("""
                {"videoSource": "test", "video": {"width": 640, "height": 360, "fps": 15, "bitrateKbps": 600},
                 "latencyMillis": 80, "iceAddresses": ["10.99.0.1"], "keepWarm": false}"""));
        assertThat(m.width()).isEqualTo(640);
        assertThat(m.fps()).isEqualTo(15);
        assertThat(m.bitrateKbps()).isEqualTo(600);
        assertThat(m.latency()).isEqualTo(Duration.ofMillis(80));
        assertThat(m.iceAddresses()).containsExactly("10.99.0.1");
        assertThat(m.keepWarm()).isFalse();
    }

    @Test
    void janus_allRoomsOption_andCentrePrefix() throws Exception {
        assertThat(MediaConfig.janus(JSON.readTree("{}")).playAll()).isFalse();
        assertThat(MediaConfig.janus(JSON.readTree("{}")).centrePrefix()).isEqualTo("Trung tâm");
        var all = MediaConfig.janus(JSON.readTree("{\"playAll\": true, \"centrePrefix\": \"Tỉnh\"}"));
        assertThat(all.playAll()).isTrue();
        assertThat(all.centrePrefix()).isEqualTo("Tỉnh");
    }

    @Test
    void media_badValue_isConfigErrorNamingMedia() {
        assertThatThrownBy(() -> MediaConfig.media(JSON.readTree("{\"video\": {\"width\": 7}}")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("media"));
    }
}
