package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.admin.AdminClient;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Event;
import vn.diemcau.protocol.Event.ButtonPressed;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.TopicPermissions;

/**
 * The real {@code Main} as a child JVM with no usable config: it stays up, serves the local page's
 * first run, and the provisioning a technician saves there brings it online at a real broker
 * (Mosquitto with password file and the protocol's ACL) — in the same process. A hub change that
 * breaks the link is rolled back from the page. A corrupt config file is kept aside.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ApplianceFirstRunIT {

    static final DeviceId BOX = DeviceId.of("xa-tan-lap-01");
    static final String PASSWORD = "mat-khau-hop-01";

    @TempDir
    Path dir;

    Path config;
    Path state;
    Path factory;
    int port;
    MosquittoBroker broker;
    HubClient hub;

    @BeforeEach
    void broker() throws Exception {
        Files.createDirectories(dir.resolve("broker"));
        config = dir.resolve("appliance.json");
        state = dir.resolve("state");
        factory = dir.resolve("appliance.factory.json");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // A development factory config: no box id, no hub — what an SD card image would ship, plus the test's port.
        Files.writeString(factory, """
                {"devMode": true, "telemetryIntervalSeconds": 2,
                 "hub": {"keepAliveSeconds": 5, "reconnectMinMillis": 200, "reconnectMaxMillis": 1000},
                 "conference": {"kind": "none"}, "hardware": {"profile": "virtual"},
                 "admin": {"bindAddresses": ["127.0.0.1"], "httpsPort": %d, "httpPort": -1}}
                """.formatted(port));
        broker = new MosquittoBroker(dir.resolve("broker"), Map.of(BOX.value(), PASSWORD, "_hub", "hubpw"),
                TopicPermissions.mosquittoAcl()).start();
        hub = new HubClient(broker.url(), "hubpw");
    }

    @AfterEach
    void stopBroker() throws Exception {
        hub.close();
        broker.close();
    }

    @Test
    void noConfig_firstRunAndProvisioningOnThePage_bringTheBoxOnline_withoutRestart_andABrokenHubChangeIsRolledBack() throws Exception {
        try (ApplianceProcess box = start()) {
            assertThat(box.output()).contains("not provisioned").doesNotContain("Fleet agent");
            assertThat(config).doesNotExist();
            AdminClient page = firstRun();
            assertThat(page.get("/status").body()).contains("not provisioned");
            assertThat(page.get("/panel").body()).contains("<b id=\"led-current\">Chưa cài đặt (xanh và đỏ cùng nháy chậm)</b>");

            HttpResponse<String> saved = page.submit("/provisioning", "/provisioning", provisioning(PASSWORD));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            assertThat(saved.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("saved=live"));
            awaitPresence(Presence.ONLINE, 1);
            assertThat(box.isAlive()).isTrue();
            assertThat(box.output()).contains("Appliance " + BOX.value() + " up in").containsOnlyOnce("ready in");
            assertThat(Files.readString(config)).contains("\"boxId\" : \"" + BOX.value() + "\"").contains("\"kind\" : \"none\"");
            await().atMost(Duration.ofSeconds(20)).until(() -> page.get("/panel").body().contains("<b id=\"led-current\">Chờ"));
            box.type("short");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    hub.decoded(BOX, Channel.EVENT, Event.class).stream().anyMatch(e -> e instanceof ButtonPressed));

            HttpResponse<String> broken = page.submit("/provisioning", "/provisioning", provisioning("sai-mat-khau"));
            assertThat(broken.statusCode()).as(broken.body()).isEqualTo(303);
            awaitPresence(Presence.OFFLINE, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> page.get("/provisioning").body().contains("id=\"rollback-button\""));
            assertThat(page.get("/provisioning").body()).contains("class=\"card warn\" id=\"rollback\"");

            HttpResponse<String> rolledBack = page.submit("/provisioning", "/provisioning/rollback", Map.of());
            assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(303);
            awaitPresence(Presence.ONLINE, 2);
            assertThat(Files.readString(config)).contains(PASSWORD);
            assertThat(box.output()).containsOnlyOnce("ready in");
            assertThat(box.stop()).isIn(0, 143);
        }
    }

    @Test
    void corruptConfig_isKeptAside_andTheBoxServesFirstRun_untilProvisioned() throws Exception {
        String corrupt = "{\"boxId\": \"" + BOX.value() + "\", \"hub\": {\"brokerUrl\": \"tcp://127.0";
        Files.writeString(config, corrupt);
        try (ApplianceProcess box = start()) {
            List<Path> aside = corruptCopies();
            assertThat(aside).singleElement().satisfies(p -> assertThat(p).hasContent(corrupt));
            assertThat(box.output()).contains("is corrupt").contains("kept as " + aside.get(0).getFileName());
            AdminClient page = firstRun();
            assertThat(page.get("/status").body()).contains("corrupt");

            HttpResponse<String> saved = page.submit("/provisioning", "/provisioning", provisioning(PASSWORD));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            awaitPresence(Presence.ONLINE, 1);
            assertThat(box.isAlive()).isTrue();
            assertThat(aside.get(0)).hasContent(corrupt);
            assertThat(box.stop()).isIn(0, 143);
        }
    }

    @Test
    void corruptConfigWithValidPrevious_isKeptAside_andTheBoxRunsOnThePrevious() throws Exception {
        String previous = ApplianceConfigs.devJson(BOX.value(), broker.url(), PASSWORD);
        Files.writeString(dir.resolve("appliance.json.prev"), previous);
        Files.writeString(config, "");
        try (ApplianceProcess box = start()) {
            awaitPresence(Presence.ONLINE, 1);
            assertThat(config).hasContent(previous);
            assertThat(corruptCopies()).singleElement().satisfies(p -> assertThat(p).isEmptyFile());
            assertThat(box.output()).contains("running on the previous version");
            assertThat(box.stop()).isIn(0, 143);
        }
    }

    @Test
    void noConfig_onABoxWithMedia_theIdleSlateShowsTheSetupCode_untilFirstRun_andTheEngineServesTheProvisionedBox() throws Exception {
        Files.writeString(factory, """
                {"devMode": true, "telemetryIntervalSeconds": 2,
                 "hub": {"keepAliveSeconds": 5, "reconnectMinMillis": 200, "reconnectMaxMillis": 1000},
                 "hardware": {"profile": "virtual"},
                 "media": {"videoSource": "test", "audioSource": "test", "videoSink": "fake", "audioSink": "fake",
                           "keepWarm": false, "video": {"width": 320, "height": 180, "fps": 15}},
                 "admin": {"bindAddresses": ["127.0.0.1"], "httpsPort": %d, "httpPort": -1}}
                """.formatted(port));
        try (ApplianceProcess box = start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> box.printed(" / Setup code: "));
            assertThat(box.output()).contains("not provisioned").doesNotContain("Idle screen hidden");
            AdminClient page = firstRun();
            // First run done: the code leaves the TV, which says the box is not set up yet.
            await().atMost(Duration.ofSeconds(30)).until(() -> box.printed(
                    " / Not set up | ") && box.printed(" / Not connected to a hub yet"));

            HttpResponse<String> saved = page.submit("/provisioning", "/provisioning", provisioning(PASSWORD));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            awaitPresence(Presence.ONLINE, 1);
            assertThat(box.output()).contains("conference JANUS").doesNotContain("Media engine closed");
            // Provisioned and online: the TV names the room and says the hub is reachable.
            await().atMost(Duration.ofSeconds(30)).until(() -> box.printed(" / Connected to the hub"));
            assertThat(page.get("/media/snapshot.jpg").statusCode()).isEqualTo(200);
            assertThat(box.stop()).isIn(0, 143);
        }
    }

    @Test
    void factoryReset_onThePage_restoresTheFactoryConfig_andTheBoxComesBackUnprovisioned() throws Exception {
        Files.writeString(config, ApplianceConfigs.devJson(BOX.value(), broker.url(), PASSWORD)
                .replace("\"media\": {}", "\"media\": {}, \"admin\": {\"bindAddresses\": [\"127.0.0.1\"], \"httpsPort\": " + port
                        + ", \"httpPort\": -1}"));
        try (ApplianceProcess box = start()) {
            awaitPresence(Presence.ONLINE, 1);
            AdminClient page = firstRun();
            HttpResponse<String> reset = page.submit("/maintenance", "/maintenance/reset", Map.of("confirm", "XÓA"));
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(40)).until(() -> !box.isAlive());
            assertThat(box.stop()).as(box.output()).isZero();
            awaitPresence(Presence.OFFLINE, 1);
        }
        assertThat(config).hasSameTextualContentAs(factory);
        assertThat(dir.resolve("appliance.json.prev")).doesNotExist();
        assertThat(state.resolve("events")).doesNotExist();
        try (ApplianceProcess box = start()) {
            assertThat(box.output()).contains("not provisioned").doesNotContain("Fleet agent");
            AdminClient page = firstRun();
            assertThat(page.get("/status").body()).contains("not provisioned");
            assertThat(box.stop()).isIn(0, 143);
        }
    }

    private ApplianceProcess start() throws Exception {
        ApplianceProcess box = new ApplianceProcess(config, state, List.of("--factory-config", factory.toString(), "--dev-console"));
        await().atMost(Duration.ofSeconds(60)).until(() -> box.printed("ready in") || !box.isAlive());
        assertThat(box.isAlive()).as(box.output()).isTrue();
        return box;
    }

    /** Sets the admin password with the setup code the box logged (and wrote to its state directory). */
    private AdminClient firstRun() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(state.resolve("admin/setup-code")));
        String code = Files.readString(state.resolve("admin/setup-code")).strip();
        AdminClient page = new AdminClient(state.resolve("admin"), port);
        HttpResponse<String> root = page.get("/");
        assertThat(root.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/setup"));
        HttpResponse<String> setup = page.submit("/setup", "/setup",
                Map.of("code", code, "password", "kythuat-vien-2026", "confirm", "kythuat-vien-2026"));
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(303);
        return page;
    }

    private Map<String, String> provisioning(String password) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("boxId", BOX.value());
        f.put("displayName", "UBND xã Tân Lập");
        f.put("commune", "Tân Lập");
        f.put("room", "Phòng tiếp công dân");
        f.put("hubUrl", broker.url());
        f.put("hubUsername", BOX.value());
        f.put("hubPassword", password);
        f.put("conferenceServer", "http://10.99.0.1:8088/janus");
        f.put("conferenceRoom", "1234");
        f.put("conferencePin", "");
        return f;
    }

    /** Waits until the hub has seen the box's {@code presence} status at least {@code times} times. */
    private void awaitPresence(Presence presence, int times) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                hub.decoded(BOX, Channel.STATUS, Status.class).stream().filter(s -> s.presence() == presence).count() >= times);
    }

    private List<Path> corruptCopies() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("appliance.json.corrupt-")).toList();
        }
    }
}
