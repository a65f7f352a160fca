package vn.diemcau.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.diemcau.appliance.config.ApplianceConfig;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.hub.Hub;
import vn.diemcau.hub.config.ConfigLoader;

/**
 * {@code diemcau-provision} against a real hub (embedded HiveMQ broker + REST API, SQLite, in this
 * test's network namespace): the box is registered, the written {@code appliance.json} is a valid
 * appliance config (parsed by the appliance's own {@code ConfigStore}), mode 0600, and its
 * credentials log in to the hub's broker; a second registration is refused with the hub's message;
 * {@code --new-credentials} rotates them (the old password stops working).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProvisionIT {

    static final String BOX = "xa-an-phu-07";

    @TempDir
    Path dir;

    Hub hub;
    int brokerPort;
    String token;

    @BeforeEach
    void hub() throws Exception {
        brokerPort = freePort();
        Map<String, String> env = Map.of("DIEMCAU_HUB_STATE_DIR", dir.resolve("hub").toString(),
                "DIEMCAU_HUB_HTTP_HOST", "127.0.0.1", "DIEMCAU_HUB_HTTP_PORT", "0",
                "DIEMCAU_HUB_BROKER_HOST", "127.0.0.1", "DIEMCAU_HUB_BROKER_PORT", Integer.toString(brokerPort),
                "DIEMCAU_HUB_BROKER_TLS_PORT", "0");
        hub = Hub.start(ConfigLoader.load(Optional.empty(), env), Clock.systemUTC(), Hub.WebModule.none());
        String login = HubApi.JSON.writeValueAsString(Map.of("username", "admin", "password", hub.initialAdminPassword().orElseThrow()));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api() + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        token = HubApi.JSON.readTree(r.body()).path("token").asText();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void registersTheBox_andWritesAConfigWhoseCredentialsTheHubAccepts() throws Exception {
        Path out = dir.resolve("sd/etc/diemcau/appliance.json");
        Run run = provision("--out", out.toString(), "--conference-server", "https://hub.tinh.gov.vn/janus", "--conference-room", "1234");

        assertThat(run.code()).as(run.err()).isZero();
        ApplianceConfig c = ConfigStore.open(out, Map.of()).current();
        assertThat(c.boxId()).isEqualTo(BOX);
        assertThat(c.displayName()).isEqualTo("Xã An Phú");
        assertThat(c.hub().brokerUrl().toString()).isEqualTo(broker());
        assertThat(c.devMode()).isFalse();
        assertThat(c.admin().httpsPort()).isEqualTo(8443);
        assertThat(c.conference().defaultSession()).hasValueSatisfying(s -> assertThat(s.room()).isEqualTo("1234"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(run.out()).contains("Registered " + BOX).doesNotContain(c.hub().password().value());
        connect(c.hub().username(), c.hub().password().value());
        assertThat(boxes()).anySatisfy(b -> assertThat(b.path("box").path("room").asText()).isEqualTo("Phòng tiếp dân"));

        Run again = provision("--out", dir.resolve("second.json").toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("409").contains("--new-credentials");
        assertThat(dir.resolve("second.json")).doesNotExist();

        Run rotated = provision("--out", out.toString(), "--new-credentials", "--force");
        assertThat(rotated.code()).as(rotated.err()).isZero();
        ApplianceConfig next = ConfigStore.open(out, Map.of()).current();
        assertThat(next.hub().password().value()).isNotEqualTo(c.hub().password().value());
        connect(next.hub().username(), next.hub().password().value());
        assertThatThrownBy(() -> connect(c.hub().username(), c.hub().password().value())).isInstanceOf(MqttException.class);
    }

    @Test
    void anExistingFileOrBadArguments_registerNothing() throws Exception {
        Path out = dir.resolve("appliance.json");
        Files.writeString(out, "{}");
        assertThat(provision("--out", out.toString()).code()).isEqualTo(3);
        assertThat(provision("--out", dir.resolve("a.json").toString(), "--broker-url", "http://x:1").code()).isEqualTo(2);
        Run noToken = run(List.of("--hub-api", api(), "--token", " ", "--box-id", BOX, "--name", "X", "--commune", "Y",
                "--hardware", "PI5", "--broker-url", broker(), "--out", dir.resolve("b.json").toString()));
        assertThat(noToken.code()).isEqualTo(2);
        assertThat(boxes()).isEmpty();
        assertThat(out).hasContent("{}");
    }

    record Run(int code, String out, String err) {
    }

    private Run provision(String... extra) {
        List<String> args = new ArrayList<>(List.of("--hub-api", api(), "--token", token, "--box-id", BOX, "--name", "Xã An Phú",
                "--commune", "An Phú", "--room", "Phòng tiếp dân", "--hardware", "PI5"));
        if (!List.of(extra).contains("--broker-url")) args.addAll(List.of("--broker-url", broker()));
        args.addAll(List.of(extra));
        return run(args);
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private List<JsonNode> boxes() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api() + "/api/boxes"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        HubApi.JSON.readTree(r.body()).forEach(list::add);
        return list;
    }

    /** Connects to the hub's broker as the box would (client id = user name), then disconnects. */
    private void connect(String username, String password) throws MqttException {
        MqttClient client = new MqttClient(broker(), BOX, new MemoryPersistence());
        try {
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setUserName(username);
            o.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            o.setConnectionTimeout(10);
            client.connect(o);
            client.disconnect();
        } finally {
            client.close(true);
        }
    }

    private String api() {
        return "http://127.0.0.1:" + hub.httpPort();
    }

    private String broker() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
