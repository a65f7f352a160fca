package vn.diemcau.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplianceBundleTest {

    static final ApplianceBundle BUNDLE = new ApplianceBundle("xa-an-phu-01", "Xã An Phú", "An Phú", "", "ssl://hub.example.vn:8883",
            "xa-an-phu-01", "s3cret-pw", Optional.of("/etc/diemcau/hub-ca.pem"), Optional.empty());

    @TempDir
    Path dir;

    @Test
    void tree_isTheFactoryConfigWithTheBoxKeys() {
        ObjectNode t = BUNDLE.tree();
        assertThat(t.has("_comment")).isFalse();
        assertThat(t.path("boxId").asText()).isEqualTo("xa-an-phu-01");
        assertThat(t.has("room")).isFalse();
        assertThat(t.path("hub").path("password").asText()).isEqualTo("s3cret-pw");
        assertThat(t.path("hub").path("caFile").asText()).isEqualTo("/etc/diemcau/hub-ca.pem");
        assertThat(t.path("hub").path("reconnectMaxMillis").asInt()).isEqualTo(60000);
        assertThat(t.path("admin").path("httpsPort").asInt()).isEqualTo(8443);
        assertThat(t.path("conference").has("defaultSession")).isFalse();
        assertThat(BUNDLE.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void write_replacesAnExistingFileOnlyWhenAsked() throws Exception {
        Path out = dir.resolve("appliance.json");
        Files.writeString(out, "{}");
        assertThatThrownBy(() -> BUNDLE.write(out, false)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(out).hasContent("{}");
        BUNDLE.write(out, true);
        assertThat(Files.readString(out)).contains("\"boxId\" : \"xa-an-phu-01\"");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("appliance.json");
        }
    }
}
