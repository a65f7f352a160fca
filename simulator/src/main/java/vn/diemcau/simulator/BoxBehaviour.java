package vn.diemcau.simulator;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.protocol.Command.ApplyConfig;
import vn.diemcau.protocol.BoxConfig;
import vn.diemcau.protocol.BoxTopic;
import vn.diemcau.protocol.Event.CallStateChanged;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DesiredState;
import vn.diemcau.protocol.Command.CollectLogs;
import vn.diemcau.protocol.Command.Identify;
import vn.diemcau.protocol.Command.Join;
import vn.diemcau.protocol.Command.Leave;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ProtocolException;
import vn.diemcau.protocol.Command.Reboot;
import vn.diemcau.protocol.ReplyStage;
import vn.diemcau.protocol.Command.RestartMedia;
import vn.diemcau.protocol.Command.SelfTest;
import vn.diemcau.protocol.Command.Snapshot;
import vn.diemcau.protocol.Topics;

/**
 * What a box does with what it receives: command requests (two-stage replies on the request's
 * response topic with its correlation data, idempotent by id, expired ones refused) and desired
 * state (applied once per version, then reported). Runs on the box's executor.
 */
final class BoxBehaviour {
    private static final Logger LOG = LoggerFactory.getLogger(BoxBehaviour.class);

    private record Route(String topic, ByteBuffer correlation) {
    }

    private record Outcome(ReplyStage stage, Optional<String> reason, Map<String, Object> result) {
        static Outcome ok(Map<String, Object> result) {
            return new Outcome(ReplyStage.SUCCEEDED, Optional.empty(), result);
        }
    }

    private final SimBox box;
    private long desiredVersion = -1;

    BoxBehaviour(SimBox box) {
        this.box = box;
    }

    void received(Mqtt5Publish message) {
        Optional<BoxTopic> topic = Topics.parse(message.getTopic().toString());
        if (topic.isEmpty() || !topic.get().device().equals(box.id())) {
            return;
        }
        try {
            switch (topic.get().channel()) {
                case COMMAND -> command(message);
                case DESIRED -> desired(message);
                default -> { }
            }
        } catch (ProtocolException e) {
            box.runtime.counters.badMessages.increment();
            LOG.debug("{}: dropped a malformed {} message: {}", box.id().value(), topic.get().channel(),
                    e.getMessage());
        }
    }

    private void command(Mqtt5Publish message) {
        box.runtime.counters.commandsReceived.increment();
        CommandRequest request = ProtocolCodec.decode(message.getPayloadAsBytes(), CommandRequest.class);
        Route route = route(message, request);
        synchronized (box) {
            if (box.hasFault(Fault.SILENT)) {
                return;
            }
            Optional<List<CommandReply>> earlier = box.commands.repliesFor(request.id());
            if (earlier.isPresent()) {
                earlier.get().forEach(reply -> send(route, reply));
                return;
            }
            if (!box.now().isBefore(request.expiresAt())) {
                reply(route, request, new Outcome(ReplyStage.REJECTED, Optional.of("expired"), Map.of()));
                return;
            }
            reply(route, request, new Outcome(ReplyStage.ACCEPTED, Optional.empty(), Map.of()));
        }
        Duration delay = box.settings.commandDelay();
        box.runtime.worker().schedule(() -> box.executor.execute(() -> complete(route, request)),
                delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Route route(Mqtt5Publish message, CommandRequest request) {
        return new Route(message.getResponseTopic().map(Object::toString).orElse(box.topics.get(Channel.REPLY)),
                message.getCorrelationData().orElse(ByteBuffer.wrap(request.id().getBytes(StandardCharsets.UTF_8))));
    }

    private void complete(Route route, CommandRequest request) {
        synchronized (box) {
            box.commands.executed(request.id());
            Outcome outcome = execute(request, route);
            outcome.reason().filter(r -> outcome.stage() == ReplyStage.FAILED).ifPresent(r -> box.lastError = Optional.of(r));
            reply(route, request, outcome);
        }
    }

    private Outcome execute(CommandRequest request, Route route) {
        Command command = request.command();
        return switch (command) {
            case Join join -> {
                callSteps(box.call.join(join.room(), join.view(), 600 + ThreadLocalRandom.current().nextLong(900), "command"));
                yield Outcome.ok(Map.of("room", join.room()));
            }
            case Leave leave -> {
                callSteps(box.call.leave("command"));
                yield Outcome.ok(Map.of());
            }
            case ApplyConfig apply -> {
                applyConfig(apply.version(), apply.config());
                yield Outcome.ok(Map.of("appliedConfigVersion", apply.version()));
            }
            case Snapshot snapshot -> {
                byte[] jpeg = SnapshotImage.jpeg();
                box.count(box.connection.reply(box.topics.get(Channel.SNAPSHOT), jpeg, route.correlation()));
                yield Outcome.ok(Map.of("bytes", jpeg.length));
            }
            case SelfTest test -> box.hasFault(Fault.CAMERA_MISSING)
                    ? new Outcome(ReplyStage.FAILED, Optional.of("camera missing"), Map.of("camera", false))
                    : Outcome.ok(Map.of("camera", true, "microphone", true, "speaker", true));
            case Identify identify -> Outcome.ok(Map.of("seconds", identify.seconds()));
            case CollectLogs logs -> {
                byte[] text = recentLog(request, logs.lines()).getBytes(StandardCharsets.UTF_8);
                box.count(box.connection.reply(box.topics.get(Channel.LOGS), text, route.correlation()));
                yield Outcome.ok(Map.of("lines", (int) Math.min(logs.lines(), 4), "bytes", text.length));
            }
            case RestartMedia restart -> Outcome.ok(Map.of());
            case Reboot reboot -> {
                box.runtime.worker().schedule(() -> box.shutdown().whenComplete((x, e) -> box.boot()),
                        200, TimeUnit.MILLISECONDS);
                yield Outcome.ok(Map.of());
            }
        };
    }

    private void reply(Route route, CommandRequest request, Outcome outcome) {
        CommandReply reply = new CommandReply(request.id(), outcome.stage(), box.now(), outcome.reason(),
                outcome.result());
        box.commands.remember(reply);
        send(route, reply);
    }

    private void send(Route route, CommandReply reply) {
        box.count(box.connection.reply(route.topic(), ProtocolCodec.encode(reply), route.correlation()));
        box.runtime.counters.repliesSent.increment();
    }

    /** A simulated box's log: what a real box would have said about its boot, link, call and this command. */
    private String recentLog(CommandRequest request, int lines) {
        List<String> log = List.of(
                box.bootedAt + " INFO  [main] Main - diemcau appliance " + box.settings.softwareVersion() + " (simulated) ready",
                box.bootedAt + " INFO  [fleet] FleetAgent - connected to the hub as " + box.id().value(),
                box.now() + " INFO  [call] CallMachine - call state " + box.call.state(),
                box.now() + " INFO  [fleet] CommandProcessor - command " + request.id() + " collect_logs from "
                        + request.issuedBy());
        return String.join("\n", log.subList(Math.max(0, log.size() - lines), log.size())) + "\n";
    }

    private void desired(Mqtt5Publish message) {
        DesiredState desired = ProtocolCodec.decode(message.getPayloadAsBytes(), DesiredState.class);
        synchronized (box) {
            if (desired.version() <= desiredVersion) {
                return;
            }
            desiredVersion = desired.version();
            desired.config().ifPresent(config -> applyConfig(desired.version(), config));
            if (desired.session().isPresent()) {
                callSteps(box.call.join(desired.session().get().room(), desired.session().get().view(),
                        600 + ThreadLocalRandom.current().nextLong(900), "desired state"));
            } else {
                callSteps(box.call.leave("desired state"));
            }
            box.publishReported();
        }
    }

    private void applyConfig(long version, BoxConfig config) {
        box.appliedConfigVersion = version;
        Duration interval = Duration.ofSeconds(config.telemetryIntervalSeconds());
        if (!interval.equals(box.telemetryInterval) && !interval.isZero()) {
            box.telemetryInterval = interval;
            box.scheduleTelemetry(Duration.ofMillis(ThreadLocalRandom.current().nextLong(interval.toMillis())));
        }
        box.publishReported();
    }

    private void callSteps(List<CallModel.Transition> steps) {
        for (CallModel.Transition t : steps) {
            box.emit(s -> new CallStateChanged(s, box.now(), t.from(), t.to(), t.room(), t.reason(), t.timeToJoinMs()));
        }
        if (!steps.isEmpty()) {
            box.publishReported();
        }
    }
}
