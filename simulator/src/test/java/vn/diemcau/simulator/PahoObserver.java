package vn.diemcau.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Topics;

/** A hub stand-in for tests: a real Paho v5 client that records what the boxes publish and sends requests. */
final class PahoObserver implements AutoCloseable {

    /** One received message with the MQTT 5 properties the tests look at. */
    record Received(String topic, byte[] payload, boolean retained, Optional<String> correlation) {
    }

    final Map<String, List<Received>> byTopic = new ConcurrentHashMap<>();
    private final MqttClient client;

    PahoObserver(int port, String clientId) throws MqttException {
        client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override public void disconnected(MqttDisconnectResponse response) { }
            @Override public void mqttErrorOccurred(MqttException exception) { }
            @Override public void deliveryComplete(IMqttToken token) { }
            @Override public void connectComplete(boolean reconnect, String serverURI) { }
            @Override public void authPacketArrived(int reasonCode, MqttProperties properties) { }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                byte[] correlation = message.getProperties() == null ? null : message.getProperties().getCorrelationData();
                byTopic.computeIfAbsent(topic, k -> new CopyOnWriteArrayList<>()).add(new Received(topic,
                        message.getPayload(), message.isRetained(),
                        Optional.ofNullable(correlation).map(c -> new String(c, StandardCharsets.UTF_8))));
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        List<MqttSubscription> subscriptions = List.of(Channel.values()).stream().filter(Channel::fromBox)
                .map(c -> new MqttSubscription(Topics.allBoxes(c), 1)).toList();
        client.subscribe(subscriptions.toArray(MqttSubscription[]::new));
    }

    List<Received> on(DeviceId box, Channel channel) {
        return byTopic.getOrDefault(Topics.of(box, channel), List.of());
    }

    Optional<Received> last(DeviceId box, Channel channel) {
        List<Received> all = on(box, channel);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Publishes a request the way the hub does: response topic, correlation data, message expiry. */
    void request(DeviceId box, String commandId, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload, 1, false, new MqttProperties());
        message.getProperties().setResponseTopic(Topics.of(box, Channel.REPLY));
        message.getProperties().setCorrelationData(commandId.getBytes(StandardCharsets.UTF_8));
        message.getProperties().setMessageExpiryInterval(60L);
        client.publish(Topics.of(box, Channel.COMMAND), message);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
