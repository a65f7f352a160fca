package vn.diemcau.appliance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

    private static ApplianceConfig parse(String admin) {
        String json = "{\"boxId\":\"b1\",\"hub\":{\"brokerUrl\":\"tcp://127.0.0.1:1883\"}" + admin + "}";
        return ConfigParser.parse(ConfigParser.withEnvironment(ConfigParser.tree(json.getBytes(StandardCharsets.UTF_8)), Map.of()));
    }

    @Test
    void admin_whenAbsent_defaultsToAllInterfaces8443And8080() {
        assertThat(parse("").admin()).isEqualTo(new AdminConfig(true, List.of("0.0.0.0"), 8443, 8080));
    }

    @Test
    void admin_whenGivenAsDemoWritesIt_isParsed() {
        assertThat(parse(",\"admin\":{\"bindAddresses\":[\"0.0.0.0\"],\"httpsPort\":8444,\"httpPort\":-1}").admin())
                .isEqualTo(new AdminConfig(true, List.of("0.0.0.0"), 8444, -1));
        assertThat(parse(",\"admin\":{\"enabled\":false}").admin().enabled()).isFalse();
    }

    @Test
    void admin_whenInvalid_failsNamingTheKey() {
        assertThatThrownBy(() -> parse(",\"admin\":{\"httpsPort\":70000}"))
                .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).key()).isEqualTo("admin.httpsPort");
        assertThatThrownBy(() -> parse(",\"admin\":{\"bindAddresses\":\"0.0.0.0\"}"))
                .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).key()).isEqualTo("admin.bindAddresses");
        assertThatThrownBy(() -> parse(",\"admin\":{\"enabled\":\"yes\"}"))
                .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).key()).isEqualTo("admin.enabled");
        assertThatThrownBy(() -> parse(",\"admin\":{\"httpPort\":8443}"))
                .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).key()).isEqualTo("admin.httpPort");
    }
}
