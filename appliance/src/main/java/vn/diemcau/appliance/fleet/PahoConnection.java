package vn.diemcau.appliance.fleet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.call.Scheduler;
import vn.diemcau.appliance.config.HubSettings;

/**
 * One Paho v5 client with our own reconnect loop (exponential backoff with jitter), TCP_NODELAY,
 * TLS when the URL is {@code ssl://}, in-memory persistence and a Last Will. Every Paho callback is
 * moved onto the owner's {@link Scheduler}; nothing runs on Paho's threads.
 */
final class PahoConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PahoConnection.class);
    /** Paho's "too many publishes in progress". */
    static final int TOO_MANY_IN_FLIGHT = 32202;

    /** What the owner is told, on its scheduler. */
    interface Handler {
        void connected();

        void disconnected(String reason);

        /** A connect attempt failed (wrong password, unreachable, certificate refused…). */
        void connectFailed(String reason);

        void message(String topic, MqttMessage message);
    }

    /** The Last Will, rebuilt for every connect (it carries the connect time). */
    record Will(String topic, Supplier<byte[]> payload) {
    }

    private final HubSettings hub;
    private final String clientId;
    private final Will will;
    private final Handler handler;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final MqttAsyncClient client;
    private volatile boolean closed;
    private boolean connecting;

    PahoConnection(HubSettings hub, String clientId, Will will, Handler handler, Scheduler scheduler) {
        this.hub = hub;
        this.clientId = clientId;
        this.will = will;
        this.handler = handler;
        this.scheduler = scheduler;
        this.backoff = new Backoff(hub.reconnectMin(), hub.reconnectMax(), ThreadLocalRandom.current());
        try {
            this.client = new MqttAsyncClient(hub.brokerUrl().toString(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("hub.brokerUrl: " + e.getMessage(), e);
        }
        client.setCallback(new Callbacks());
    }

    /** Starts connecting (idempotent); reconnects forever until {@link #close()}. */
    void start() {
        scheduler.execute(this::connect);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    private void connect() {
        if (closed || connecting || client.isConnected()) return;
        connecting = true;
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval((int) hub.keepAlive().toSeconds());
        o.setConnectionTimeout(10);
        o.setUserName(hub.username());
        if (!hub.password().isEmpty()) o.setPassword(hub.password().value().getBytes(StandardCharsets.UTF_8));
        o.setSocketFactory(hub.tls() ? NoDelaySockets.tls(hub.caFile()) : NoDelaySockets.plain());
        MqttMessage w = new MqttMessage(will.payload().get(), 1, true, new MqttProperties());
        o.setWill(will.topic(), w);
        try {
            client.connect(o, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    scheduler.execute(() -> {
                        connecting = false;
                        backoff.reset();
                        log.info("Connected to {} as {}", hub.brokerUrl(), clientId);
                        handler.connected();
                    });
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    scheduler.execute(() -> {
                        connecting = false;
                        handler.connectFailed(describe(e));
                        retryLater("connect failed: " + describe(e));
                    });
                }
            });
        } catch (MqttException e) {
            connecting = false;
            handler.connectFailed(describe(e));
            retryLater("connect failed: " + describe(e));
        }
    }

    private void retryLater(String reason) {
        if (closed) return;
        Duration d = backoff.next();
        log.warn("Hub {} unreachable ({}); retrying in {} ms", hub.brokerUrl(), reason, d.toMillis());
        scheduler.schedule(this::connect, d);
    }

    /**
     * Publishes, retrying while Paho reports too many in-flight publishes (32202) for up to
     * {@code patience}: a burst is slowed down, never dropped.
     *
     * @throws MqttException when not connected or the publish cannot be queued
     */
    IMqttToken publish(String topic, MqttMessage message, Duration patience) throws MqttException {
        long deadline = System.nanoTime() + patience.toNanos();
        long pauseMs = 2;
        while (true) {
            try {
                return client.publish(topic, message);
            } catch (MqttException e) {
                if (e.getReasonCode() != TOO_MANY_IN_FLIGHT || System.nanoTime() > deadline) throw e;
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMs = Math.min(100, pauseMs * 2);
            }
        }
    }

    /** Subscribes at QoS 1 and waits for the SUBACK. */
    void subscribe(String... topics) throws MqttException {
        int[] qos = new int[topics.length];
        java.util.Arrays.fill(qos, 1);
        IMqttToken t = client.subscribe(topics, qos);
        t.waitForCompletion(10_000);
        for (int rc : Optional.ofNullable(t.getReasonCodes()).orElse(new int[0])) {
            if (rc >= 0x80) throw new MqttException(rc);
        }
    }

    /** Drops the connection without a DISCONNECT (the broker sends the Will); for tests and the watchdog. */
    void dropConnection() {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException e) {
            log.debug("forced disconnect", e);
        }
    }

    static String describe(Throwable e) {
        if (e instanceof MqttException m) {
            return m.getMessage() + " (reason " + m.getReasonCode() + (m.getCause() != null ? ", " + m.getCause().getMessage() : "") + ")";
        }
        return String.valueOf(e);
    }

    /** Stops reconnecting; disconnects cleanly (no Will) within {@code timeout}. */
    void close(Duration timeout) {
        closed = true;
        try {
            if (client.isConnected()) client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis());
        } catch (MqttException e) {
            log.debug("disconnect", e);
            try {
                client.disconnectForcibly(0, 100, false);
            } catch (MqttException ignored) {
                // closing anyway
            }
        }
        try {
            client.close();
        } catch (MqttException e) {
            log.debug("close", e);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    private final class Callbacks implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String reason = response.getException() != null ? describe(response.getException())
                    : "reason code " + response.getReturnCode();
            scheduler.execute(() -> {
                handler.disconnected(reason);
                retryLater("connection lost: " + reason);
            });
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            log.warn("MQTT error: {}", describe(e));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            scheduler.execute(() -> handler.message(topic, message));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
