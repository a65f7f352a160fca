package vn.diemcau.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicPermissionsTest {
    private final DeviceId a = DeviceId.of("box-a");
    private final DeviceId b = DeviceId.of("box-b");

    @Test
    void box_publishesOnlyItsOwnOutboundTopics() {
        assertThat(TopicPermissions.boxMayPublish(a, Topics.of(a, Channel.TELEMETRY))).isTrue();
        assertThat(TopicPermissions.boxMayPublish(a, Topics.of(a, Channel.STATUS))).isTrue();
        assertThat(TopicPermissions.boxMayPublish(a, Topics.of(b, Channel.TELEMETRY))).isFalse();
        assertThat(TopicPermissions.boxMayPublish(a, Topics.of(a, Channel.COMMAND))).isFalse();
        assertThat(TopicPermissions.boxMayPublish(a, Topics.of(a, Channel.DESIRED))).isFalse();
        assertThat(TopicPermissions.boxMayPublish(a, "diemcau/v1/box/box-a/#")).isFalse();
    }

    @Test
    void box_subscribesOnlyToItsOwnInboundTopics() {
        assertThat(TopicPermissions.forBox(a).subscribe())
                .containsExactly("diemcau/v1/box/box-a/cmd", "diemcau/v1/box/box-a/desired");
        assertThat(TopicPermissions.boxMaySubscribe(a, Topics.of(b, Channel.COMMAND))).isFalse();
        assertThat(TopicPermissions.boxMaySubscribe(a, "#")).isFalse();
        assertThat(TopicPermissions.boxMaySubscribe(a, "diemcau/v1/box/+/cmd")).isFalse();
    }

    @Test
    void mosquittoAcl_hasHubBlockAndPatternPerChannel() {
        String acl = TopicPermissions.mosquittoAcl();
        assertThat(acl).contains("user _hub\n", "topic write diemcau/v1/box/+/cmd\n", "topic read diemcau/v1/box/+/telemetry\n",
                "pattern write diemcau/v1/box/%u/telemetry\n", "pattern read diemcau/v1/box/%u/cmd\n");
        assertThat(acl.lines().filter(l -> l.startsWith("pattern "))).hasSize(Channel.values().length);
    }
}
