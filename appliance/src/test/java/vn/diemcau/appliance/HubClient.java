package vn.diemcau.appliance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.Topics;

/**
 * Plays the hub in integration tests: a Paho client as user {@code _hub} with a persistent session
 * (so nothing published while it reconnects is lost), subscribed to every box's outbound topics.
 */
final class HubClient implements AutoCloseable {

    record Received(String topic, byte[] payload, MqttProperties properties) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    HubClient(String url, String password) throws MqttException {
        client = new MqttClient(url, Topics.HUB_USERNAME + "-test", new MemoryPersistence());
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                synchronized (received) {
                    received.add(new Received(topic, m.getPayload(), m.getProperties()));
                }
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int rc, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(Topics.HUB_USERNAME);
        o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 1);
        client.connect(o);
        for (Channel c : Channel.values()) {
            if (c.fromBox()) client.subscribe(Topics.allBoxes(c), 1);
        }
    }

    /** Everything received on {@code channel} of {@code box}, in arrival order. */
    List<Received> on(DeviceId box, Channel channel) {
        String t = Topics.of(box, channel);
        synchronized (received) {
            return received.stream().filter(r -> r.topic().equals(t)).toList();
        }
    }

    <T> List<T> decoded(DeviceId box, Channel channel, Class<T> type) {
        return on(box, channel).stream().map(r -> ProtocolCodec.decode(r.payload(), type)).toList();
    }

    /** Sends a command the way the hub does: response topic, correlation data = id, message expiry. */
    void send(DeviceId box, CommandRequest request) throws MqttException {
        MqttProperties p = new MqttProperties();
        p.setResponseTopic(Topics.of(box, Channel.REPLY));
        p.setCorrelationData(request.id().getBytes(StandardCharsets.UTF_8));
        long expiry = Math.max(1, request.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
        p.setMessageExpiryInterval(expiry);
        client.publish(Topics.of(box, Channel.COMMAND), new MqttMessage(ProtocolCodec.encode(request), 1, false, p));
    }

    void publishRetained(String topic, byte[] payload) throws MqttException {
        client.publish(topic, new MqttMessage(payload, 1, true, new MqttProperties()));
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) client.disconnect();
        client.close();
    }
}
