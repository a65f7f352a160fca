package vn.diemcau.simulator.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import vn.diemcau.protocol.BoxTopic;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Command.Identify;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ReplyStage;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.Topics;

/**
 * The benchmark's hub stand-in: one MQTT 5 client (HiveMQ client, Netty, TCP_NODELAY on by Netty's
 * default) that follows every box's retained status, sends commands the way the hub does and times
 * request → SUCCEEDED, and times kill → OFFLINE status. Messages are handled on one named thread.
 */
final class MqttRequester implements Requester {
    private final Mqtt5AsyncClient client;
    private final ExecutorService inbox = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-requester"));
    private final Map<DeviceId, Presence> presence = new ConcurrentHashMap<>();
    private final AtomicInteger online = new AtomicInteger();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final List<Long> roundTripsNanos = new ArrayList<>();
    private final Map<DeviceId, Long> killedAt = new ConcurrentHashMap<>();
    private final Map<DeviceId, Long> offlineAfterNanos = new ConcurrentHashMap<>();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();

    MqttRequester(String host, int port, Optional<String> username, Optional<String> password) {
        var builder = MqttClient.builder().useMqttVersion5().identifier("_hub-bench").serverHost(host).serverPort(port);
        client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, this::received, this::handOver);
        var connect = client.connectWith().cleanStart(true).keepAlive(30);
        if (username.isPresent()) {
            var auth = connect.simpleAuth().username(username.get());
            if (password.isPresent()) {
                auth = auth.password(password.get().getBytes(StandardCharsets.UTF_8));
            }
            connect = auth.applySimpleAuth();
        }
        connect.send().join();
        client.subscribeWith().topicFilter(Topics.allBoxes(Channel.STATUS)).qos(MqttQos.AT_LEAST_ONCE)
                .addSubscription().topicFilter(Topics.allBoxes(Channel.REPLY)).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .send().join();
    }

    /** Runs inbound messages on the requester's thread; drops them once the requester is closed. */
    private void handOver(Runnable task) {
        try {
            inbox.execute(task);
        } catch (RejectedExecutionException closed) {
            // late messages at the end of a step (session end after DISCONNECT) are of no interest
        }
    }

    private void received(Mqtt5Publish message) {
        long now = System.nanoTime();
        Optional<BoxTopic> topic = Topics.parse(message.getTopic().toString());
        if (topic.isEmpty()) {
            return;
        }
        switch (topic.get().channel()) {
            case STATUS -> status(topic.get().device(), message, now);
            case REPLY -> reply(message, now);
            default -> { }
        }
    }

    private void status(DeviceId box, Mqtt5Publish message, long now) {
        Presence p = ProtocolCodec.decode(message.getPayloadAsBytes(), Status.class).presence();
        Presence before = presence.put(box, p);
        if (p == Presence.ONLINE && before != Presence.ONLINE) {
            online.incrementAndGet();
        } else if (p == Presence.OFFLINE && before == Presence.ONLINE) {
            online.decrementAndGet();
            Long killed = killedAt.remove(box);
            if (killed != null) {
                offlineAfterNanos.put(box, now - killed);
            }
        }
    }

    private void reply(Mqtt5Publish message, long now) {
        CommandReply reply = ProtocolCodec.decode(message.getPayloadAsBytes(), CommandReply.class);
        if (reply.stage() == ReplyStage.REJECTED || reply.stage() == ReplyStage.FAILED) {
            rejected.incrementAndGet();
            sentAt.remove(reply.commandId());
        } else if (reply.stage() == ReplyStage.SUCCEEDED) {
            Long sent = sentAt.remove(reply.commandId());
            if (sent != null) {
                synchronized (roundTripsNanos) {
                    roundTripsNanos.add(now - sent);
                }
            }
        }
    }

    @Override
    public int online() {
        return online.get();
    }

    /** Sends an Identify command to {@code box} with response topic, correlation data and a 30 s expiry. */
    @Override
    public void command(DeviceId box) {
        String id = "bench-" + sequence.incrementAndGet();
        Instant now = Instant.now();
        byte[] payload = ProtocolCodec.encode(new CommandRequest(id, now, now.plusSeconds(30), "bench", new Identify(1)));
        sentAt.put(id, System.nanoTime());
        client.publishWith().topic(Topics.of(box, Channel.COMMAND)).qos(MqttQos.AT_LEAST_ONCE)
                .responseTopic(Topics.of(box, Channel.REPLY))
                .correlationData(id.getBytes(StandardCharsets.UTF_8))
                .messageExpiryInterval(30)
                .payload(payload).send();
    }

    /** Call right before killing {@code box}: its next OFFLINE status is timed from now. */
    @Override
    public void killing(DeviceId box) {
        killedAt.put(box, System.nanoTime());
    }

    @Override
    public List<Long> roundTripsNanos() {
        synchronized (roundTripsNanos) {
            return List.copyOf(roundTripsNanos);
        }
    }

    @Override
    public long commandsSent() {
        return sequence.get();
    }

    @Override
    public long unanswered() {
        return sentAt.size();
    }

    @Override
    public long rejected() {
        return rejected.get();
    }

    @Override
    public Map<DeviceId, Long> offlineAfterNanos() {
        return Map.copyOf(offlineAfterNanos);
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the broker may already be gone at the end of a step
        }
        inbox.shutdownNow();
    }
}
