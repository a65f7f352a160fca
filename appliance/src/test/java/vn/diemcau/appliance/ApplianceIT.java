package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.hardware.Button;
import vn.diemcau.hardware.Hardware;
import vn.diemcau.hardware.HardwareKit;
import vn.diemcau.hardware.HardwareSettings;
import vn.diemcau.hardware.LedPattern;
import vn.diemcau.hardware.VirtualButton;
import vn.diemcau.protocol.Event.ButtonPressed;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.Event.CallStateChanged;
import vn.diemcau.protocol.BoxConfig;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.ConferenceView;
import vn.diemcau.protocol.DesiredState;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ReportedState;
import vn.diemcau.protocol.Topics;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Event;
import vn.diemcau.protocol.Command.Identify;
import vn.diemcau.protocol.Command.Join;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.ReplyStage;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.Telemetry;
import vn.diemcau.protocol.TopicPermissions;

/**
 * The appliance in-process against a real Mosquitto 2 (password file + pattern ACL), a virtual
 * join button from the hardware module, and the devMode conference that joins at once.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ApplianceIT {

    static final DeviceId BOX = DeviceId.of("xa-an-phu-01");
    static final String BOX_PASSWORD = "box-secret";
    static final String HUB_PASSWORD = "hub-secret";

    @TempDir
    Path dir;

    MosquittoBroker broker;
    HubClient hub;
    HardwareKit kit;
    NoMediaConference conference;
    Appliance appliance;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("broker"));
        broker = new MosquittoBroker(dir.resolve("broker"), Map.of(BOX.value(), BOX_PASSWORD, "_hub", HUB_PASSWORD),
                TopicPermissions.mosquittoAcl()).start();
        hub = new HubClient(broker.url(), HUB_PASSWORD);
        Path config = dir.resolve("appliance.json");
        Files.writeString(config, ApplianceConfigs.devJson(BOX.value(), broker.url(), BOX_PASSWORD));
        kit = Hardware.open(HardwareSettings.defaults().withProfile(HardwareSettings.Profile.VIRTUAL));
        conference = new NoMediaConference();
        appliance = new Appliance(ConfigStore.open(config, Map.of()), dir.resolve("state"), conference,
                kit.joinButton(), kit.lights(), kit.board(), Clock.systemUTC());
        appliance.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> appliance.snapshot().fleet().connected());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (appliance != null) appliance.close();
        if (kit != null) kit.close();
        if (hub != null) hub.close();
        if (broker != null) broker.close();
    }

    VirtualButton button() {
        return kit.virtualButton().orElseThrow();
    }

    List<Event> events() {
        return hub.decoded(BOX, Channel.EVENT, Event.class);
    }

    @Test
    void online_publishesRetainedBirthStatusAndTelemetry() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.decoded(BOX, Channel.STATUS, Status.class).isEmpty()
                && !hub.on(BOX, Channel.TELEMETRY).isEmpty());
        Status s = hub.decoded(BOX, Channel.STATUS, Status.class).getLast();
        assertThat(s.presence()).isEqualTo(Presence.ONLINE);
        assertThat(s.birth()).hasValueSatisfying(b -> assertThat(b.capabilities()).contains("join-button"));
        Telemetry t = hub.decoded(BOX, Channel.TELEMETRY, Telemetry.class).getFirst();
        assertThat(t.system().memTotalBytes()).isPositive();
        assertThat(t.call().state()).isEqualTo(CallState.IDLE);
        assertThat(kit.lights().current()).isEqualTo(LedPattern.IDLE);
    }

    @Test
    void virtualButtonPress_changesStateAndHubSeesEventsInOrder() {
        button().press(Button.Press.SHORT);

        await().atMost(Duration.ofSeconds(10)).until(() -> events().size() >= 3);
        List<Event> events = events();
        assertThat(events.get(0)).isInstanceOfSatisfying(ButtonPressed.class, b -> {
            assertThat(b.button()).isEqualTo("join");
            assertThat(b.longPress()).isFalse();
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(CallStateChanged.class, c -> {
            assertThat(c.from()).isEqualTo(CallState.IDLE);
            assertThat(c.to()).isEqualTo(CallState.JOINING);
            assertThat(c.room()).contains("1234");
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(CallStateChanged.class, c -> {
            assertThat(c.to()).isEqualTo(CallState.IN_CALL);
            assertThat(c.timeToJoinMs()).isPresent();
        });
        assertThat(events).extracting(Event::seq).containsExactly(1L, 2L, 3L);
        assertThat(kit.lights().current()).isEqualTo(LedPattern.IN_CALL);
    }

    @Test
    void joinCommand_isAcceptedThenSucceeded_andRepeatedIdIsNotExecutedAgain() throws Exception {
        CommandRequest join = new CommandRequest("cmd-join-1", Instant.now(), Instant.now().plusSeconds(60), "admin@hub",
                new Join(URI.create("http://10.99.0.1:8088/janus"), "5678", "", "Xã An Phú"));
        hub.send(BOX, join);

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.on(BOX, Channel.REPLY).size() >= 2);
        List<CommandReply> replies = hub.decoded(BOX, Channel.REPLY, CommandReply.class);
        assertThat(replies).extracting(CommandReply::stage).containsExactly(ReplyStage.ACCEPTED, ReplyStage.SUCCEEDED);
        assertThat(replies).extracting(CommandReply::commandId).containsOnly("cmd-join-1");
        assertThat(hub.on(BOX, Channel.REPLY).getFirst().properties().getCorrelationData()).asString().isEqualTo("cmd-join-1");
        assertThat(appliance.snapshot().call().status().session()).hasValueSatisfying(r -> assertThat(r.room()).isEqualTo("5678"));
        int eventsAfterFirst = events().size();

        hub.send(BOX, join);
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.on(BOX, Channel.REPLY).size() >= 4);
        assertThat(hub.decoded(BOX, Channel.REPLY, CommandReply.class)).extracting(CommandReply::stage)
                .containsExactly(ReplyStage.ACCEPTED, ReplyStage.SUCCEEDED, ReplyStage.ACCEPTED, ReplyStage.SUCCEEDED);
        assertThat(events()).hasSize(eventsAfterFirst);
    }

    @Test
    void joinCommandDesignatingAllRooms_reachesTheCall_andReportedStateSaysWhichView() throws Exception {
        URI janus = URI.create("http://10.99.0.1:8088/janus");
        hub.send(BOX, new CommandRequest("cmd-all", Instant.now(), Instant.now().plusSeconds(60), "admin@hub",
                new Join(janus, "5678", "", "Xã An Phú", Optional.of(ConferenceView.ALL), Optional.of("Trung tâm tỉnh"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.decoded(BOX, Channel.REPORTED, ReportedState.class).stream()
                .anyMatch(r -> r.call() == CallState.IN_CALL && r.view().equals(Optional.of(ConferenceView.ALL))));
        assertThat(appliance.snapshot().call().status().session()).hasValueSatisfying(r -> {
            assertThat(r.view()).contains(JoinRequest.View.ALL);
            assertThat(r.centre()).contains("Trung tâm tỉnh");
        });

        // A join from an older hub (no view): the box's config decides — centre only by default.
        hub.send(BOX, new CommandRequest("cmd-plain", Instant.now(), Instant.now().plusSeconds(60), "admin@hub",
                new Join(janus, "5679", "", "Xã An Phú")));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.decoded(BOX, Channel.REPORTED, ReportedState.class).stream()
                .anyMatch(r -> r.call() == CallState.IN_CALL && r.room().equals(Optional.of("5679"))
                        && r.view().equals(Optional.of(ConferenceView.CENTRE))));
        assertThat(appliance.snapshot().call().status().session()).hasValueSatisfying(r -> assertThat(r.view()).isEmpty());

        hub.send(BOX, new CommandRequest("cmd-leave", Instant.now(), Instant.now().plusSeconds(60), "admin@hub",
                new vn.diemcau.protocol.Command.Leave()));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.decoded(BOX, Channel.REPORTED, ReportedState.class).getLast()
                .call() == CallState.IDLE);
        assertThat(hub.decoded(BOX, Channel.REPORTED, ReportedState.class).getLast().view()).isEmpty();
    }

    @Test
    void desiredUpcomingSession_isKeptForTheTvSlate_andClearedWhenTheHubSaysNone() throws Exception {
        Instant at = Instant.parse("2026-12-01T07:00:00Z");
        hub.publishRetained(Topics.of(BOX, Channel.DESIRED), ProtocolCodec.encode(new DesiredState(3, Instant.now(),
                Optional.empty(), Optional.empty(), Optional.of(new vn.diemcau.protocol.UpcomingSession("Tiếp công dân tháng 12", at)))));
        await().atMost(Duration.ofSeconds(10)).until(() -> appliance.snapshot().upcoming().isPresent());
        assertThat(appliance.snapshot().upcoming().get().title()).isEqualTo("Tiếp công dân tháng 12");
        assertThat(appliance.snapshot().upcoming().get().startsAt()).isEqualTo(at);
        assertThat(appliance.snapshot().call().status()).isInstanceOf(vn.diemcau.appliance.call.CallStatus.Idle.class);

        hub.publishRetained(Topics.of(BOX, Channel.DESIRED), ProtocolCodec.encode(new DesiredState(4, Instant.now(),
                Optional.empty(), Optional.empty())));
        await().atMost(Duration.ofSeconds(10)).until(() -> appliance.snapshot().upcoming().isEmpty());
    }

    @Test
    void newDesiredVersion_withTheSameSession_doesNotPullBackARoomThatLeft_aNewSessionDoes() throws Exception {
        Join session = new Join(URI.create("http://10.99.0.1:8088/janus"), "4321", "", "Xã An Phú");
        hub.publishRetained(Topics.of(BOX, Channel.DESIRED), ProtocolCodec.encode(new DesiredState(11, Instant.now(),
                Optional.of(session), Optional.empty())));
        await().atMost(Duration.ofSeconds(10)).until(() -> appliance.snapshot().call().status()
                instanceof vn.diemcau.appliance.call.CallStatus.InCall);
        button().press(Button.Press.LONG);
        await().atMost(Duration.ofSeconds(10)).until(() -> appliance.snapshot().call().status()
                instanceof vn.diemcau.appliance.call.CallStatus.Idle);

        // The hub announces the next session: same live session, new version.
        hub.publishRetained(Topics.of(BOX, Channel.DESIRED), ProtocolCodec.encode(new DesiredState(12, Instant.now(),
                Optional.of(session), Optional.empty(),
                Optional.of(new vn.diemcau.protocol.UpcomingSession("Phiên chiều", Instant.now().plusSeconds(3600))))));
        await().atMost(Duration.ofSeconds(10)).until(() -> appliance.snapshot().upcoming().isPresent());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> appliance.snapshot().call().status()
                instanceof vn.diemcau.appliance.call.CallStatus.Idle);

        // Another session: the room joins it.
        hub.publishRetained(Topics.of(BOX, Channel.DESIRED), ProtocolCodec.encode(new DesiredState(13, Instant.now(),
                Optional.of(new Join(URI.create("http://10.99.0.1:8088/janus"), "5555", "", "Xã An Phú")), Optional.empty())));
        await().atMost(Duration.ofSeconds(10)).until(() -> appliance.snapshot().call().status()
                instanceof vn.diemcau.appliance.call.CallStatus.InCall c && c.request().room().equals("5555"));
    }

    @Test
    void retainedDesiredState_joinsSessionAppliesConfigAndReportsIt() throws Exception {
        DesiredState desired = new DesiredState(7, Instant.now(),
                Optional.of(new Join(URI.create("http://10.99.0.1:8088/janus"), "4321", "", "Xã An Phú")),
                Optional.of(new BoxConfig("Xã An Phú (mới)", "An Phú", 5, 640, 360, 15, 600)));
        hub.publishRetained(Topics.of(BOX, Channel.DESIRED), ProtocolCodec.encode(desired));

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.decoded(BOX, Channel.REPORTED, ReportedState.class).stream()
                .anyMatch(r -> r.call() == CallState.IN_CALL && r.room().equals(Optional.of("4321")) && r.appliedConfigVersion() == 7));
        assertThat(appliance.config().current().displayName()).isEqualTo("Xã An Phú (mới)");
        assertThat(appliance.config().current().media().path("video").path("width").asInt()).isEqualTo(640);
        assertThat(appliance.snapshot().call().designated()).hasValueSatisfying(r -> assertThat(r.room()).isEqualTo("4321"));
        assertThat(Files.readString(dir.resolve("state").resolve("desired.version")).trim()).isEqualTo("7");
    }

    @Test
    void malformedCommand_isCountedAndDropped_boxStaysOnline() throws Exception {
        hub.publishRetained(Topics.of(BOX, Channel.COMMAND), "{\"schema\": 1, \"id\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> appliance.snapshot().fleet().badMessages() == 1);
        assertThat(appliance.snapshot().fleet().connected()).isTrue();
    }

    @Test
    void expiredCommand_isRejected() throws Exception {
        hub.send(BOX, new CommandRequest("cmd-old", Instant.now().minusSeconds(120), Instant.now().minusSeconds(1), "admin@hub",
                new Identify(5)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.on(BOX, Channel.REPLY).isEmpty());
        CommandReply r = hub.decoded(BOX, Channel.REPLY, CommandReply.class).getFirst();
        assertThat(r.stage()).isEqualTo(ReplyStage.REJECTED);
        assertThat(r.reason()).contains("expired");
        assertThat(kit.lights().current()).isNotEqualTo(LedPattern.IDENTIFY);
    }

    @Test
    void snapshotCommand_onBoxWithoutMedia_isRejectedWithAClearReason() throws Exception {
        hub.send(BOX, new CommandRequest("cmd-snap-1", Instant.now(), Instant.now().plusSeconds(60), "admin@hub",
                new vn.diemcau.protocol.Command.Snapshot()));
        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.on(BOX, Channel.REPLY).isEmpty());
        CommandReply r = hub.decoded(BOX, Channel.REPLY, CommandReply.class).getFirst();
        assertThat(r.stage()).isEqualTo(ReplyStage.REJECTED);
        assertThat(r.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("no camera"));
        assertThat(hub.on(BOX, Channel.SNAPSHOT)).isEmpty();
    }

    @Test
    void collectLogsCommand_sendsTheRecentLogLinesOldestFirst_thenSucceeds() throws Exception {
        org.slf4j.LoggerFactory.getLogger(ApplianceIT.class).info("Marker for the hub: phòng họp {}", "xã An Phú");
        hub.send(BOX, new CommandRequest("cmd-logs-1", Instant.now(), Instant.now().plusSeconds(60), "technician@hub",
                new vn.diemcau.protocol.Command.CollectLogs(200)));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.decoded(BOX, Channel.REPLY, CommandReply.class).stream()
                .anyMatch(r -> r.stage() == ReplyStage.SUCCEEDED));
        assertThat(hub.on(BOX, Channel.LOGS)).singleElement().satisfies(m -> {
            assertThat(new String(m.properties().getCorrelationData(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("cmd-logs-1");
            List<String> lines = m.text().lines().toList();
            assertThat(lines).hasSizeBetween(2, 200);
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("INFO", "Marker for the hub: phòng họp xã An Phú"));
            assertThat(m.text()).doesNotContain(BOX_PASSWORD);
            CommandReply done = hub.decoded(BOX, Channel.REPLY, CommandReply.class).getLast();
            assertThat(done.result()).containsEntry("lines", lines.size()).containsEntry("bytes", m.payload().length);
        });
    }

    @Test
    void brokerDown_pressesAreKeptOnDiskAndArriveAfterReconnectInOrderOnce() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.on(BOX, Channel.STATUS).isEmpty());
        broker.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !appliance.snapshot().fleet().connected());
        await().atMost(Duration.ofSeconds(5)).until(() -> kit.lights().current() == LedPattern.HUB_UNREACHABLE);

        button().press(Button.Press.SHORT);
        await().atMost(Duration.ofSeconds(5)).until(() -> kit.lights().current() == LedPattern.IN_CALL);
        button().press(Button.Press.LONG);
        await().atMost(Duration.ofSeconds(5)).until(() -> appliance.snapshot().fleet().pendingEvents() == 6);
        assertThat(events()).isEmpty();

        broker.start();

        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> events().size() >= 6 && appliance.snapshot().fleet().pendingEvents() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("events at hub " + events() + ", pending " + appliance.snapshot().fleet().pendingEvents()
                    + "\nmosquitto log:\n" + broker.log(), e);
        }
        List<Event> events = events();
        assertThat(events).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events.get(0)).isInstanceOfSatisfying(ButtonPressed.class, b -> assertThat(b.longPress()).isFalse());
        assertThat(events.get(3)).isInstanceOfSatisfying(ButtonPressed.class, b -> assertThat(b.longPress()).isTrue());
        assertThat(events.get(5)).isInstanceOfSatisfying(CallStateChanged.class, c -> assertThat(c.to()).isEqualTo(CallState.IDLE));
        assertThat(kit.lights().current()).isEqualTo(LedPattern.IDLE);
    }

}
