package vn.diemcau.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.Event.CallStateChanged;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Event;
import vn.diemcau.protocol.Command.Identify;
import vn.diemcau.protocol.Command.Join;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ProtocolException;
import vn.diemcau.protocol.ReplyStage;
import vn.diemcau.protocol.ReportedState;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.Telemetry;
import vn.diemcau.simulator.bench.MosquittoProcess;

/** Simulated boxes against a real Mosquitto 2, observed and commanded by a real Paho v5 client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SimulatorMosquittoIT {
    private static final int BOXES = 12;

    private MosquittoProcess broker;
    private Simulator simulator;
    private PahoObserver hub;

    @BeforeAll
    void startBrokerAndFleet(@TempDir Path dir) throws Exception {
        assertThat(MosquittoProcess.installed()).as("Debian package mosquitto is installed").isTrue();
        broker = MosquittoProcess.start(dir);
        hub = new PahoObserver(broker.port(), "_hub-test");
        simulator = Simulator.start(SimulatorSettings
                .builder(BrokerSettings.tcp("127.0.0.1", broker.port()),
                        BoxIdentities.numbered("sim-", BOXES, Optional.empty()))
                .telemetryInterval(Duration.ofMillis(500))
                .keepAlive(Duration.ofSeconds(2))
                .stateDir(dir.resolve("state"))
                .build());
        waitUp().until(() -> simulator.connectedCount() == BOXES);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static ConditionFactory waitUp() {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
    }

    private static DeviceId box(int n) {
        return DeviceId.of("sim-%04d".formatted(n));
    }

    @Test
    void boxes_whenStarted_publishRetainedOnlineBirthSeenByLateSubscriber() throws Exception {
        try (PahoObserver late = new PahoObserver(broker.port(), "_hub-late")) {
            waitUp().untilAsserted(() -> {
                for (int n = 1; n <= BOXES; n++) {
                    PahoObserver.Received status = late.last(box(n), Channel.STATUS).orElseThrow();
                    assertThat(status.retained()).isTrue();
                    Status decoded = ProtocolCodec.decode(status.payload(), Status.class);
                    assertThat(decoded.presence()).isEqualTo(Presence.ONLINE);
                    assertThat(decoded.birth()).isPresent();
                    assertThat(decoded.bootId()).isEqualTo(simulator.box(box(n)).bootId());
                }
            });
            assertThat(late.last(box(1), Channel.REPORTED).map(r -> ProtocolCodec.decode(r.payload(), ReportedState.class)))
                    .hasValueSatisfying(r -> assertThat(r.call()).isNotNull());
        }
    }

    @Test
    void telemetry_fromEveryBox_decodesWithProtocolCodec() {
        waitUp().untilAsserted(() -> {
            for (int n = 1; n <= BOXES; n++) {
                List<PahoObserver.Received> all = hub.on(box(n), Channel.TELEMETRY);
                assertThat(all).hasSizeGreaterThanOrEqualTo(2);
                Telemetry t = ProtocolCodec.decode(all.getLast().payload(), Telemetry.class);
                assertThat(t.system().memTotalBytes()).isPositive();
                assertThat(t.system().cpuTemperatureC()).hasValueSatisfying(c -> assertThat(c).isBetween(30.0, 80.0));
            }
        });
    }

    @Test
    void command_withResponseTopicAndCorrelation_isAcceptedThenSucceeded() throws Exception {
        DeviceId target = box(3);
        String id = "cmd-join-1";
        hub.request(target, id, request(id, Instant.now().plusSeconds(30),
                new Join(URI.create("https://janus.example/janus"), "room-1234", "0000", "Xã An Phú")));

        waitUp().untilAsserted(() -> assertThat(stages(target, id))
                .containsExactly(ReplyStage.ACCEPTED, ReplyStage.SUCCEEDED));
        assertThat(hub.on(target, Channel.REPLY)).allSatisfy(r -> assertThat(r.correlation()).contains(id));
        assertThat(simulator.box(target).callState()).isEqualTo(CallState.IN_CALL);
        waitUp().untilAsserted(() -> assertThat(events(target)).filteredOn(CallStateChanged.class::isInstance)
                .extracting(e -> ((CallStateChanged) e).to()).containsSubsequence(CallState.JOINING, CallState.IN_CALL));
        List<Long> seqs = events(target).stream().map(Event::seq).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates().first().isEqualTo(1L);
    }

    @Test
    void command_alreadyExpired_isRejectedAndNotExecuted() throws Exception {
        DeviceId target = box(4);
        String id = "cmd-expired-1";
        hub.request(target, id, request(id, Instant.now().minusSeconds(1), new Identify(5)));

        waitUp().untilAsserted(() -> assertThat(replies(target, id)).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(ReplyStage.REJECTED);
            assertThat(r.reason()).contains("expired");
        }));
        assertThat(simulator.box(target).executions(id)).isZero();
    }

    @Test
    void command_repeatedId_getsStoredRepliesAndRunsOnce() throws Exception {
        DeviceId target = box(5);
        String id = "cmd-repeat-1";
        byte[] payload = request(id, Instant.now().plusSeconds(30), new Identify(3));
        hub.request(target, id, payload);
        waitUp().untilAsserted(() -> assertThat(stages(target, id)).hasSize(2));

        hub.request(target, id, payload);
        waitUp().untilAsserted(() -> assertThat(stages(target, id)).containsExactly(
                ReplyStage.ACCEPTED, ReplyStage.SUCCEEDED, ReplyStage.ACCEPTED, ReplyStage.SUCCEEDED));
        assertThat(simulator.box(target).executions(id)).isEqualTo(1);
    }

    @Test
    void kill_dropsConnectionWithoutDisconnect_willArrivesWithSameBootId() {
        DeviceId target = box(6);
        String bootId = simulator.box(target).bootId();
        simulator.kill(target);

        waitUp().untilAsserted(() -> {
            Status status = ProtocolCodec.decode(hub.last(target, Channel.STATUS).orElseThrow().payload(), Status.class);
            assertThat(status.presence()).isEqualTo(Presence.OFFLINE);
            assertThat(status.bootId()).isEqualTo(bootId);
        });
        assertThat(simulator.box(target).connected()).isFalse();

        simulator.start(target);
        waitUp().untilAsserted(() -> {
            Status status = ProtocolCodec.decode(hub.last(target, Channel.STATUS).orElseThrow().payload(), Status.class);
            assertThat(status.presence()).isEqualTo(Presence.ONLINE);
            assertThat(status.bootId()).isNotEqualTo(bootId);
        });
    }

    @Test
    void frozenBox_isDroppedByBrokerAfterKeepalive_willArrives() {
        DeviceId target = box(7);
        simulator.box(target).inject(Fault.FROZEN);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Status status = ProtocolCodec.decode(hub.last(target, Channel.STATUS).orElseThrow().payload(), Status.class);
            assertThat(status.presence()).isEqualTo(Presence.OFFLINE);
        });

        simulator.box(target).clear(Fault.FROZEN);
        waitUp().until(() -> simulator.box(target).connected());
    }

    @Test
    void malformedTelemetryFault_publishesPayloadsTheCodecRejects() {
        DeviceId target = box(8);
        simulator.box(target).inject(Fault.MALFORMED_TELEMETRY);
        int before = hub.on(target, Channel.TELEMETRY).size();

        waitUp().untilAsserted(() -> {
            List<PahoObserver.Received> all = hub.on(target, Channel.TELEMETRY);
            assertThat(all.size()).isGreaterThan(before + 1);
            assertThatThrownBy(() -> ProtocolCodec.decode(all.getLast().payload(), Telemetry.class))
                    .isInstanceOf(ProtocolException.class);
        });
        simulator.box(target).clear(Fault.MALFORMED_TELEMETRY);
    }

    @Test
    void silentFault_boxAnswersNothingUntilCleared() throws Exception {
        DeviceId target = box(9);
        simulator.box(target).inject(Fault.SILENT);
        waitUp().until(() -> simulator.box(target).faults().equals(Set.of(Fault.SILENT)));
        String id = "cmd-silent-1";
        byte[] payload = request(id, Instant.now().plusSeconds(30), new Identify(1));
        long received = simulator.stats().commandsReceived();
        hub.request(target, id, payload);
        waitUp().until(() -> simulator.stats().commandsReceived() > received);
        simulator.box(target).clear(Fault.SILENT);
        waitUp().until(() -> simulator.box(target).faults().isEmpty());
        hub.request(target, "cmd-silent-2", request("cmd-silent-2", Instant.now().plusSeconds(30), new Identify(1)));
        waitUp().untilAsserted(() -> assertThat(stages(target, "cmd-silent-2")).hasSize(2));
        assertThat(replies(target, id)).isEmpty();
        assertThat(simulator.box(target).executions(id)).isZero();
    }

    private static byte[] request(String id, Instant expiresAt, vn.diemcau.protocol.Command command) {
        return ProtocolCodec.encode(new CommandRequest(id, expiresAt.minusSeconds(60), expiresAt, "test", command));
    }

    private List<CommandReply> replies(DeviceId box, String id) {
        return hub.on(box, Channel.REPLY).stream()
                .map(r -> ProtocolCodec.decode(r.payload(), CommandReply.class))
                .filter(r -> r.commandId().equals(id)).toList();
    }

    private List<ReplyStage> stages(DeviceId box, String id) {
        return replies(box, id).stream().map(CommandReply::stage).toList();
    }

    private List<Event> events(DeviceId box) {
        return hub.on(box, Channel.EVENT).stream().map(r -> ProtocolCodec.decode(r.payload(), Event.class)).toList();
    }
}
