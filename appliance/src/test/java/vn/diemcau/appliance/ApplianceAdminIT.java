package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.admin.AdminClient;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.Command.Join;
import vn.diemcau.protocol.Command.Leave;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.ConferenceView;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Event;
import vn.diemcau.protocol.ReportedState;
import vn.diemcau.protocol.Event.ButtonPressed;
import vn.diemcau.protocol.TopicPermissions;

/** The real {@code Main} as a child JVM serves its admin page; the page's virtual join button reaches the hub. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ApplianceAdminIT {

    static final DeviceId BOX = DeviceId.of("xa-an-phu-03");

    @TempDir
    Path dir;

    @Test
    void startedAppliance_servesAdminPage_andVirtualButtonReachesHub() throws Exception {
        Path state = dir.resolve("state");
        int port = freePort();
        try (MosquittoBroker broker = startBroker();
             HubClient hub = new HubClient(broker.url(), "hubpw")) {
            try (ApplianceProcess box = startWithPage(broker, state, port)) {
                String code = Files.readString(state.resolve("admin/setup-code")).strip();
                assertThat(box.output()).contains("Admin page setup code: " + code);

                AdminClient page = new AdminClient(state.resolve("admin"), port);
                HttpResponse<String> root = page.get("/");
                assertThat(root.statusCode()).isEqualTo(303);
                assertThat(root.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/setup"));

                HttpResponse<String> setup = page.submit("/setup", "/setup",
                        Map.of("code", code, "password", "kythuat-vien-2026", "confirm", "kythuat-vien-2026"));
                assertThat(setup.statusCode()).as(setup.body()).isEqualTo(303);
                for (String down : new String[] {"true", "false"}) {
                    HttpResponse<String> pressed = page.submit("/panel", "/panel/button", Map.of("down", down));
                    assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(200);
                }
                await().atMost(Duration.ofSeconds(15)).until(() ->
                        hub.decoded(BOX, Channel.EVENT, Event.class).stream().anyMatch(e -> e instanceof ButtonPressed));
                assertThat(hub.decoded(BOX, Channel.EVENT, Event.class)).first()
                        .isInstanceOfSatisfying(ButtonPressed.class, b -> assertThat(b.longPress()).isFalse());
                // The join press put the box in a call (conference "none"): the virtual mute button mutes it.
                await().atMost(Duration.ofSeconds(15)).until(() -> box.printed("-> InCall"));
                HttpResponse<String> muted = page.submit("/panel", "/panel/mute", Map.of());
                assertThat(muted.statusCode()).as(muted.body()).isEqualTo(303);
                await().atMost(Duration.ofSeconds(15)).until(() -> hub.decoded(BOX, Channel.EVENT, Event.class).stream()
                        .anyMatch(e -> e instanceof ButtonPressed b && b.button().equals("mute")));
                await().atMost(Duration.ofSeconds(5)).until(() -> box.printed("Microphone muted"));
                // The hub learns it from the retained reported state (the dashboard shows "Micro đang tắt").
                await().atMost(Duration.ofSeconds(15)).until(() -> hub.decoded(BOX, Channel.REPORTED, ReportedState.class).stream()
                        .anyMatch(r -> r.call() == vn.diemcau.protocol.CallState.IN_CALL && r.muted()));
                assertThat(box.stop()).isIn(0, 143);
                assertThat(box.output()).contains("Admin page stopped");
            }
        }
    }

    /**
     * The status page says what the TV plays in a call, in Vietnamese then English: what the hub's Join
     * designates, else the box's config (the centre only by default); nothing out of a call.
     */
    @Test
    void statusPage_showsWhatTheTvPlays() throws Exception {
        Path state = dir.resolve("state");
        int port = freePort();
        try (MosquittoBroker broker = startBroker();
             HubClient hub = new HubClient(broker.url(), "hubpw")) {
            try (ApplianceProcess box = startWithPage(broker, state, port)) {
                AdminClient page = new AdminClient(state.resolve("admin"), port);
                HttpResponse<String> setup = page.submit("/setup", "/setup", Map.of("code",
                        Files.readString(state.resolve("admin/setup-code")).strip(), "password", "kythuat-vien-2026",
                        "confirm", "kythuat-vien-2026"));
                assertThat(setup.statusCode()).as(setup.body()).isEqualTo(303);
                await().atMost(Duration.ofSeconds(15)).until(() -> !hub.decoded(BOX, Channel.REPORTED, ReportedState.class).isEmpty());
                assertThat(page.get("/status").body()).contains("id=\"call-state\">Sẵn sàng").doesNotContain("call-view");

                URI janus = URI.create("http://10.99.0.1:8088/janus");
                hub.send(BOX, new CommandRequest("cmd-all", Instant.now(), Instant.now().plusSeconds(60), "admin@hub",
                        new Join(janus, "5678", "", "Xã An Phú", Optional.of(ConferenceView.ALL), Optional.empty())));
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(page.get("/status").body())
                        .contains("id=\"call-view\">Đang hiển thị: Tất cả điểm cầu / All rooms</p>"));
                // The hub is told the same (the reported state is published after the transition, not with the page).
                await().atMost(Duration.ofSeconds(15)).until(() -> hub.decoded(BOX, Channel.REPORTED, ReportedState.class).stream()
                        .anyMatch(r -> r.view().equals(Optional.of(ConferenceView.ALL))));

                // A Join without a designation (an older hub): the config decides, the centre only by default.
                hub.send(BOX, new CommandRequest("cmd-plain", Instant.now(), Instant.now().plusSeconds(60), "admin@hub",
                        new Join(janus, "5679", "", "Xã An Phú")));
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(page.get("/status").body())
                        .contains("phòng 5679").contains("id=\"call-view\">Đang hiển thị: Chỉ điểm cầu trung tâm / Centre only</p>"));

                hub.send(BOX, new CommandRequest("cmd-leave", Instant.now(), Instant.now().plusSeconds(60), "admin@hub", new Leave()));
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(page.get("/status").body())
                        .contains("id=\"call-state\">Sẵn sàng").doesNotContain("call-view"));
                assertThat(box.stop()).isIn(0, 143);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The real box with its page on {@code port}, up to the logged setup code. */
    private MosquittoBroker startBroker() throws Exception {
        Files.createDirectories(dir.resolve("broker"));
        return new MosquittoBroker(dir.resolve("broker"), Map.of(BOX.value(), "pw", "_hub", "hubpw"),
                TopicPermissions.mosquittoAcl()).start();
    }

    private ApplianceProcess startWithPage(MosquittoBroker broker, Path state, int port) throws Exception {
        Path config = dir.resolve("appliance.json");
        Files.writeString(config, ApplianceConfigs.devJson(BOX.value(), broker.url(), "pw").replace("\"media\": {}",
                "\"media\": {}, \"admin\": {\"bindAddresses\": [\"127.0.0.1\"], \"httpsPort\": " + port + ", \"httpPort\": -1}"));
        ApplianceProcess box = new ApplianceProcess(config, state);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> box.printed("Admin page setup code") || !box.isAlive());
            assertThat(box.isAlive()).as(box.output()).isTrue();
            return box;
        } catch (RuntimeException | Error e) {
            box.close();
            throw e;
        }
    }
}
