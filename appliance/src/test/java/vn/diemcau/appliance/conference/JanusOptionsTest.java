package vn.diemcau.appliance.conference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.diemcau.appliance.call.JoinRequest;

class JanusOptionsTest {
    static final JoinRequest PLAIN = new JoinRequest(URI.create("http://10.0.0.5:8088/janus"), "1234", "", "Xã An Phú");

    @Test
    void forCall_joinWithoutDesignation_keepsTheConfig() {
        assertThat(JanusOptions.defaults().forCall(PLAIN)).isEqualTo(JanusOptions.defaults());
        assertThat(JanusOptions.defaults().view(PLAIN)).isEqualTo(JoinRequest.View.CENTRE);
        assertThat(JanusOptions.defaults().withPlayAll(true).view(PLAIN)).isEqualTo(JoinRequest.View.ALL);
    }

    @Test
    void forCall_joinDesignatingAView_overridesTheConfigBothWays() {
        JanusOptions all = JanusOptions.defaults().forCall(PLAIN.withView(JoinRequest.View.ALL));
        assertThat(all.playAll()).isTrue();
        assertThat(all.plays("Xã Bình Minh")).isTrue();
        JanusOptions centre = JanusOptions.defaults().withPlayAll(true).forCall(PLAIN.withView(JoinRequest.View.CENTRE));
        assertThat(centre.playAll()).isFalse();
        assertThat(centre.plays("Trung tâm tiếp dân tỉnh")).isTrue();
        assertThat(centre.plays("Xã Bình Minh")).isFalse();
    }

    @Test
    void forCall_joinNamingTheCentre_overridesThePrefix() {
        JoinRequest named = new JoinRequest(PLAIN.server(), "1234", "", "Xã An Phú", Optional.empty(), Optional.of("Ban tiếp dân"));
        JanusOptions o = JanusOptions.defaults().forCall(named);
        assertThat(o.plays("Ban tiếp dân tỉnh")).isTrue();
        assertThat(o.plays("Trung tâm tiếp dân tỉnh")).isFalse();
    }

    @Test
    void joinRequest_toString_hidesThePin() {
        JoinRequest withPin = new JoinRequest(PLAIN.server(), "1234", "2468", "Xã An Phú");
        assertThat(withPin.toString()).doesNotContain("2468").contains("***");
    }
}
