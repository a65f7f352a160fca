package vn.diemcau.simulator;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientReconnector;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.TrustManagerFactory;

/**
 * One box's MQTT 5 connection over the HiveMQ client (async API, the run's shared event loops).
 * Callbacks arrive on the box's own serial executor, never on a Netty thread.
 */
final class BoxConnection {

    /** What the connection reports to its box. */
    interface Listener {
        /** Runs on the box's executor after CONNACK. */
        void onConnected();

        /**
         * Runs on a Netty thread: must only decide, quickly, whether and after how long to reconnect.
         *
         * @return the delay before reconnecting, or empty to stay disconnected
         */
        Optional<Duration> onDisconnected(Throwable cause);

        /** Runs on the box's executor. */
        void onMessage(Mqtt5Publish message);
    }

    private final Mqtt5AsyncClient client;

    BoxConnection(BoxIdentity identity, BrokerSettings broker, Optional<MqttClientSslConfig> ssl,
            SimulatorRuntime runtime, Executor boxExecutor, Listener listener, Connects connects) {
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier(identity.id().value())
                .serverHost(broker.host())
                .serverPort(broker.port())
                .executorConfig(runtime.executorConfig())
                .addConnectedListener(ctx -> boxExecutor.execute(listener::onConnected))
                .addDisconnectedListener(ctx -> onDisconnected(ctx, listener, connects));
        if (ssl.isPresent()) {
            builder = builder.sslConfig(ssl.get());
        }
        this.client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, listener::onMessage, boxExecutor);
    }

    /** Builds the CONNECT packet each time the box (re)connects: the Will carries the current boot id. */
    interface Connects {
        Mqtt5Connect next();
    }

    private static void onDisconnected(MqttClientDisconnectedContext ctx, Listener listener, Connects connects) {
        Mqtt5ClientReconnector reconnector = ((Mqtt5ClientDisconnectedContext) ctx).getReconnector();
        listener.onDisconnected(ctx.getCause()).ifPresent(delay ->
                reconnector.reconnect(true).connect(connects.next()).delay(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    CompletableFuture<?> connect(Mqtt5Connect connect) {
        return client.connect(connect);
    }

    CompletableFuture<?> subscribe(List<String> topics) {
        List<Mqtt5Subscription> subscriptions = topics.stream()
                .map(t -> Mqtt5Subscription.builder().topicFilter(t).qos(MqttQos.AT_LEAST_ONCE).build())
                .toList();
        return client.subscribe(Mqtt5Subscribe.builder().addSubscriptions(subscriptions).build());
    }

    CompletableFuture<Mqtt5PublishResult> publish(String topic, byte[] payload, int qos, boolean retain) {
        return client.publish(message(topic, payload, qos, retain).build());
    }

    CompletableFuture<Mqtt5PublishResult> reply(String topic, byte[] payload, ByteBuffer correlation) {
        return client.publish(message(topic, payload, 1, false).correlationData(correlation).build());
    }

    private static Mqtt5PublishBuilder.Complete message(String topic, byte[] payload, int qos, boolean retain) {
        return Mqtt5Publish.builder().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain).payload(payload);
    }

    /** A clean DISCONNECT (no Will). */
    CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }

    boolean drop() {
        return ChannelControl.drop(client);
    }

    boolean freeze() {
        return ChannelControl.freeze(client);
    }

    static String utf8(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    /** The TLS settings all boxes of a run share; empty for plain TCP. */
    static Optional<MqttClientSslConfig> sslConfig(BrokerSettings broker) {
        if (!broker.tls()) {
            return Optional.empty();
        }
        var ssl = MqttClientSslConfig.builder();
        if (broker.caFile().isPresent()) {
            ssl = ssl.trustManagerFactory(trustManagers(broker.caFile().get()));
        }
        if (!broker.verifyHostname()) {
            ssl = ssl.hostnameVerifier((host, session) -> true);
        }
        return Optional.of(ssl.build());
    }

    private static TrustManagerFactory trustManagers(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, cert);
            }
            if (n == 0) {
                throw new IllegalArgumentException("no certificate in CA file " + caFile);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CA file " + caFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid CA file " + caFile + ": " + e.getMessage(), e);
        }
    }
}
