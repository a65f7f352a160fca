package vn.diemcau.appliance.fleet;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.call.Scheduler;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ProtocolException;
import vn.diemcau.protocol.ReplyStage;

/**
 * Hub commands: decode, deduplicate by id ({@link CommandLog}), refuse expired ones, reply twice
 * (ACCEPTED or REJECTED, then SUCCEEDED or FAILED) on the MQTT 5 response topic with the request's
 * correlation data. Runs on the fleet agent's thread; a malformed message is logged, counted and
 * dropped.
 */
final class CommandProcessor {

    private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);

    private final CommandHandler handler;
    private final CommandLog commandLog;
    private final PahoConnection connection;
    private final Scheduler scheduler;
    private final Clock clock;
    private final String defaultReplyTopic;
    private final AtomicLong badMessages;

    CommandProcessor(CommandHandler handler, CommandLog commandLog, PahoConnection connection, Scheduler scheduler,
                     Clock clock, String defaultReplyTopic, AtomicLong badMessages) {
        this.handler = handler;
        this.commandLog = commandLog;
        this.connection = connection;
        this.scheduler = scheduler;
        this.clock = clock;
        this.defaultReplyTopic = defaultReplyTopic;
        this.badMessages = badMessages;
    }

    void onMessage(MqttMessage message) {
        MqttProperties props = message.getProperties() == null ? new MqttProperties() : message.getProperties();
        String replyTopic = Optional.ofNullable(props.getResponseTopic()).filter(t -> !t.isEmpty()).orElse(defaultReplyTopic);
        CommandRequest request;
        try {
            request = ProtocolCodec.decode(message.getPayload(), CommandRequest.class);
        } catch (ProtocolException e) {
            badMessages.incrementAndGet();
            log.warn("Dropping malformed command ({} at {})", e.getMessage(), e.field());
            Optional.ofNullable(props.getCorrelationData())
                    .map(c -> new String(c, StandardCharsets.UTF_8))
                    .ifPresent(id -> publish(replyTopic, props.getCorrelationData(),
                            reply(id, ReplyStage.REJECTED, Optional.of("malformed: " + e.getMessage()), Map.of())));
            return;
        }
        String id = request.id();
        byte[] correlation = Optional.ofNullable(props.getCorrelationData()).orElse(id.getBytes(StandardCharsets.UTF_8));
        Optional<List<byte[]>> seen = commandLog.seen(id);
        if (seen.isPresent()) {
            log.info("Command {} seen before: re-sending its {} replies, not executing again", id, seen.get().size());
            seen.get().forEach(r -> publishRaw(replyTopic, correlation, r));
            return;
        }
        commandLog.begin(id, request.expiresAt());
        String type = request.command().getClass().getSimpleName();
        if (!request.expiresAt().isAfter(clock.instant())) {
            log.info("Command {} ({}) from {} expired at {}: rejected", id, type, request.issuedBy(), request.expiresAt());
            send(replyTopic, correlation, reply(id, ReplyStage.REJECTED, Optional.of("expired"), Map.of()));
            return;
        }
        CompletionStage<Map<String, Object>> outcome;
        try {
            outcome = handler.execute(request);
        } catch (CommandHandler.CommandRejectedException | IllegalArgumentException e) {
            log.info("Command {} ({}) rejected: {}", id, type, e.getMessage());
            send(replyTopic, correlation, reply(id, ReplyStage.REJECTED, Optional.of(e.getMessage()), Map.of()));
            return;
        }
        log.info("Command {} ({}) from {} accepted", id, type, request.issuedBy());
        send(replyTopic, correlation, reply(id, ReplyStage.ACCEPTED, Optional.empty(), Map.of()));
        outcome.whenComplete((result, error) -> scheduler.execute(() -> {
            if (error == null) {
                log.info("Command {} ({}) succeeded", id, type);
                send(replyTopic, correlation, reply(id, ReplyStage.SUCCEEDED, Optional.empty(), result == null ? Map.of() : result));
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                log.info("Command {} ({}) failed: {}", id, type, cause.getMessage());
                send(replyTopic, correlation, reply(id, ReplyStage.FAILED, Optional.ofNullable(cause.getMessage()), Map.of()));
            }
        }));
    }

    private CommandReply reply(String id, ReplyStage stage, Optional<String> reason, Map<String, Object> result) {
        return new CommandReply(id, stage, clock.instant(), reason, result);
    }

    private void send(String topic, byte[] correlation, CommandReply reply) {
        byte[] payload = ProtocolCodec.encode(reply);
        commandLog.reply(reply.commandId(), payload);
        publishRaw(topic, correlation, payload);
    }

    private void publish(String topic, byte[] correlation, CommandReply reply) {
        publishRaw(topic, correlation, ProtocolCodec.encode(reply));
    }

    private void publishRaw(String topic, byte[] correlation, byte[] payload) {
        MqttProperties p = new MqttProperties();
        p.setCorrelationData(correlation);
        try {
            connection.publish(topic, new MqttMessage(payload, 1, false, p), Duration.ofSeconds(10));
        } catch (MqttException e) {
            log.warn("Reply on {} not sent: {}", topic, PahoConnection.describe(e));
        }
    }
}
