package vn.diemcau.appliance.admin;

import vn.diemcau.protocol.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.diemcau.appliance.config.ConfigStore;

/** Provisioning over real HTTPS: saving, field errors, rollback, connection test, and hostile forms that must change nothing. */
class ProvisioningPageTest {
    @TempDir
    Path state;
    static final String INITIAL_JSON = """
            {"boxId": "xa-an-phu-01", "displayName": "UBND xã An Phú", "commune": "An Phú", "room": "Phòng tiếp dân",
             "hub": {"brokerUrl": "tcp://127.0.0.1:1883", "username": "xa-an-phu-01", "password": "s3cret-pass"},
             "conference": {"defaultSession": {"server": "http://127.0.0.1:8088/janus", "room": "1234", "pin": ""}},
             "telemetryIntervalSeconds": 10}
            """;
    final FakeBox box = new FakeBox();
    Path configFile;
    byte[] initialBytes;
    ConfigStoreAdapter config;
    AdminServer server;
    AdminClient client;

    @BeforeEach
    void start() throws Exception {
        configFile = state.resolve("appliance.json");
        Files.writeString(configFile, INITIAL_JSON);
        initialBytes = Files.readAllBytes(configFile);
        config = new ConfigStoreAdapter(ConfigStore.open(configFile, Map.of()));
        BoxConsole console = new BoxConsole(config, box, box, box, box);
        server = new AdminServer(AdminSettings.defaults(state).withBindAddresses(List.of("127.0.0.1")).withPorts(0, -1)
                .withPasswordIterations(1_000).withClock(new FakeClock(Instant.parse("2026-11-30T03:00:00Z"))), console, c -> { });
        server.start();
        client = new AdminClient(state.resolve("admin"), server.httpsPort());
        String code = server.setupCode().orElseThrow();
        client.submit("/setup", "/setup", Map.of("code", code, "password", AdminServerTest.PASSWORD, "confirm", AdminServerTest.PASSWORD));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Map<String, String> validForm() {
        Map<String, String> f = AdminServerTest.form(config.current());
        f.put("displayName", "UBND xã Bình Minh");
        f.put("hubUrl", "ssl://hub.tinh.example.vn:8883");
        return f;
    }

    @Test
    void save_validForm_savesAndKeepsThePrevious_thenRollbackRestores() throws Exception {
        HttpResponse<String> r = client.submit("/provisioning", "/provisioning", validForm());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(config.current().displayName()).isEqualTo("UBND xã Bình Minh");
        assertThat(config.current().hubPassword()).as("an empty password field keeps the saved one").isEqualTo("s3cret-pass");
        assertThat(Files.readAllBytes(ConfigStore.previousFile(configFile))).isEqualTo(initialBytes);
        HttpResponse<String> page = client.get(r.headers().firstValue("Location").orElseThrow());
        assertThat(page.body()).contains("Đã lưu").contains("Khôi phục cài đặt trước").doesNotContain("s3cret-pass");

        box.hubConnected.set(false);
        assertThat(client.get("/provisioning").body()).contains("Thiết bị đang mất kết nối trung tâm");
        assertThat(client.submit("/provisioning", "/provisioning/rollback", Map.of()).statusCode()).isEqualTo(303);
        assertThat(config.current()).isEqualTo(FakeBox.INITIAL);
        assertThat(Files.readString(configFile)).contains("tcp://127.0.0.1:1883");
        assertThat(Files.readString(ConfigStore.previousFile(configFile))).as("the rolled-back version is kept in turn")
                .contains("ssl://hub.tinh.example.vn:8883");
    }

    @Test
    void save_badValues_showsAnErrorOnEachField() throws Exception {
        Map<String, String> f = validForm();
        f.put("boxId", "Xã An Phú 01");
        f.put("hubUrl", "http://hub.example:8883");
        f.put("conferenceRoom", "phòng 1");
        f.put("displayName", "");
        HttpResponse<String> r = client.submit("/provisioning", "/provisioning", f);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Chưa lưu: hãy sửa các ô được đánh dấu")
                .contains("id=\"f-boxId-err\">Chỉ gồm chữ thường")
                .contains("id=\"f-hubUrl-err\">Địa chỉ phải có dạng")
                .contains("id=\"f-conferenceRoom-err\">Số phòng chỉ gồm chữ số")
                .contains("id=\"f-displayName-err\">Bắt buộc nhập")
                .contains("value=\"Xã An Phú 01\"");
        assertUnchanged();
    }

    static Stream<Arguments> hostileForms() {
        return Stream.of(
                hostile("junk field", f -> f.put("isAdmin", "true")),
                hostile("field sent twice", f -> f.put("boxId", "xa-an-phu-01&boxId=xa-khac-02")),
                hostile("missing field", f -> f.remove("conferenceRoom")),
                hostile("over-long value", f -> f.put("displayName", "A".repeat(5_000))),
                hostile("over-long box id", f -> f.put("boxId", "a".repeat(65))),
                hostile("wrong type: room", f -> f.put("conferenceRoom", "12.5e3")),
                hostile("wrong type: port", f -> f.put("hubUrl", "tcp://hub.example:99999")),
                hostile("script injection", f -> f.put("displayName", "<script>alert(1)</script>")),
                hostile("attribute injection", f -> f.put("commune", "\" onfocus=\"alert(1)")),
                hostile("control characters", f -> f.put("hubPassword", "pass\u0000word\n")),
                hostile("url with credentials", f -> f.put("conferenceServer", "https://user:pw@evil.example/janus")),
                hostile("javascript url", f -> f.put("conferenceServer", "javascript:alert(1)")),
                hostile("huge form", f -> f.put("pad", "x".repeat(40_000))),
                hostile("too many fields", f -> {
                    for (int i = 0; i < 60; i++) f.put("f" + i, "x");
                }));
    }

    static Arguments hostile(String name, Consumer<Map<String, String>> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileForms")
    void save_hostileForm_neverChangesTheSavedConfig(String name, Consumer<Map<String, String>> change) throws Exception {
        Map<String, String> f = new LinkedHashMap<>(validForm());
        change.accept(f);
        f.put("_csrf", client.csrf("/provisioning"));
        String body = AdminClient.encode(f).replace("%26boxId%3D", "&boxId=");
        HttpResponse<String> r = client.postRaw("/provisioning", body, Map.of());
        assertThat(r.statusCode()).isBetween(400, 413);
        assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("onfocus=\"alert").doesNotContain("Exception");
        assertUnchanged();
    }

    void assertUnchanged() throws Exception {
        assertThat(Files.readAllBytes(configFile)).isEqualTo(initialBytes);
        assertThat(ConfigStore.previousFile(configFile)).doesNotExist();
        assertThat(config.current()).isEqualTo(FakeBox.INITIAL);
    }

    @Test
    void save_withoutCsrf_neverChangesTheSavedConfig() throws Exception {
        HttpResponse<String> r = client.post("/provisioning", validForm());
        assertThat(r.statusCode()).isEqualTo(403);
        assertUnchanged();
    }

    @Test
    void testConnection_closedPort_saysTheTcpStepFailed_andSavesNothing() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, String> f = validForm();
        f.put("hubUrl", "tcp://127.0.0.1:" + closed);
        f.put("target", "hub");
        HttpResponse<String> r = client.submit("/provisioning", "/provisioning/test", f);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"probe-result\"").contains("Kết nối thất bại ở bước: Kết nối mạng (TCP)")
                .contains("máy chủ từ chối kết nối");
        assertUnchanged();
    }
}
