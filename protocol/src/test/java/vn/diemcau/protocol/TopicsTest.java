package vn.diemcau.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @ParameterizedTest
    @EnumSource(Channel.class)
    void parse_ofBuiltTopic_givesDeviceAndChannel(Channel channel) {
        String topic = Topics.of(Samples.BOX, channel);
        assertThat(topic).startsWith("diemcau/v1/box/xa-an-phu-01/");
        assertThat(Topics.parse(topic)).contains(new BoxTopic(Samples.BOX, channel));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "diemcau/v1/box/", "diemcau/v1/box/a", "diemcau/v1/box/a/unknown", "diemcau/v1/box/a/status/x",
            "diemcau/v2/box/a/status", "diemcau/v1/box/+/status", "diemcau/v1/box/A/status", "diemcau/v1/box/_hub/status"})
    void parse_foreignTopics_isEmpty(String topic) {
        assertThat(Topics.parse(topic)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a+b", "a#", "+", "#", "Xa", "-a", "a b", "_hub", "a\u0000"})
    void deviceId_rejectsWildcardsSeparatorsAndOverlong(String bad) {
        assertThatThrownBy(() -> DeviceId.of(bad)).isInstanceOf(ProtocolException.class).hasMessageStartingWith("deviceId:");
    }

    @Test
    void deviceId_acceptsUpTo64Chars() {
        String id = "a".repeat(64);
        assertThat(DeviceId.of(id).value()).isEqualTo(id);
        assertThat(DeviceId.isValid(Topics.HUB_USERNAME)).isFalse();
        assertThatThrownBy(() -> DeviceId.of("a".repeat(65))).isInstanceOf(ProtocolException.class);
    }

    @Test
    void hubSubscriptions_coverEveryBoxToHubChannel() {
        assertThat(Topics.hubSubscriptions()).containsExactly("diemcau/v1/box/+/status", "diemcau/v1/box/+/telemetry",
                "diemcau/v1/box/+/event", "diemcau/v1/box/+/reply", "diemcau/v1/box/+/reported", "diemcau/v1/box/+/snapshot",
                "diemcau/v1/box/+/logs");
    }
}
