package vn.diemcau.hub.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.error.HubException;

/**
 * {@link HubLink} over the Paho MQTT 5 async client: TCP_NODELAY sockets, in-memory
 * persistence, automatic reconnect with re-subscription (which also re-reads every retained
 * status), and back-off-and-retry on reason 32202 (too many publishes in flight).
 *
 * <p>Every publish is handed to one platform thread ({@code mqtt-out}) and the caller waits for
 * its outcome: Paho serialises sends on monitors its receiver thread also takes for every inbound
 * message and acknowledgement, and the API's virtual threads contending for them spun for CPU
 * (JFR, 1,000 boxes at 50 commands/s: 7–10% of the hub's samples in
 * {@code ClientComms.internalSend}, with or without a lock in front).
 */
public final class PahoHubLink implements HubLink {
  private static final Logger LOG = LoggerFactory.getLogger(PahoHubLink.class);
  private static final int MAX_INFLIGHT = 1000;
  /** How long a publish waits for a lost broker connection to come back. */
  private static final Duration DISCONNECTED_PATIENCE = Duration.ofSeconds(30);
  /** Paho's "too many publishes in progress". */
  private static final int MAX_INFLIGHT_REACHED = 32202;
  /** A full window frees up within a round trip to the broker: retry soon, not after a second. */
  private static final long MAX_WINDOW_FULL_BACKOFF_MILLIS = 5;

  private final LinkSettings settings;
  private final Consumer<InboundMessage> sink;
  private final MqttAsyncClient client;
  private final ExecutorService outbox = Executors.newSingleThreadExecutor(
      Thread.ofPlatform().name("mqtt-out").daemon(true).factory());
  private volatile boolean started;
  private volatile boolean closed;

  public PahoHubLink(LinkSettings settings, Consumer<InboundMessage> sink) {
    this.settings = settings;
    this.sink = sink;
    try {
      this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalStateException("cannot create MQTT client for " + settings.serverUri() + ": " + e.getMessage(), e);
    }
    client.setCallback(new Callback());
  }

  @Override
  public synchronized void start() {
    if (started) {
      return;
    }
    long t0 = System.nanoTime();
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(settings.username());
    o.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
    o.setCleanStart(false);
    o.setSessionExpiryInterval(Duration.ofDays(1).toSeconds());
    o.setKeepAliveInterval(settings.keepAliveSeconds());
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, 10);
    o.setMaxReconnectDelay(10_000);
    o.setReceiveMaximum(MAX_INFLIGHT);
    o.setConnectionTimeout(10);
    o.setSocketFactory(settings.tls().<javax.net.SocketFactory>map(vn.diemcau.protocol.transport.NoDelaySockets::tls)
        .orElseGet(vn.diemcau.protocol.transport.NoDelaySockets::plain));
    try {
      client.connect(o).waitForCompletion(15_000);
      subscribe();
    } catch (MqttException e) {
      throw new IllegalStateException("cannot connect to broker " + settings.serverUri() + " as " + settings.username()
          + ": " + e.getMessage() + " (reason " + e.getReasonCode() + ")", e);
    }
    started = true;
    LOG.info("MQTT link up to {} as {} in {} ms", settings.serverUri(), settings.clientId(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  private void subscribe() throws MqttException {
    if (settings.subscriptions().isEmpty()) {
      return;
    }
    MqttSubscription[] subs = settings.subscriptions().stream()
        .map(s -> new MqttSubscription(s.filter(), s.qos())).toArray(MqttSubscription[]::new);
    IMqttToken t = client.subscribe(subs);
    t.waitForCompletion(15_000);
    int[] codes = t.getReasonCodes();
    for (int i = 0; i < codes.length && i < subs.length; i++) {
      if (codes[i] >= 0x80) {
        throw new IllegalStateException("broker refused subscription " + subs[i].getTopic() + " (reason 0x"
            + Integer.toHexString(codes[i]) + "): check the hub user's ACL");
      }
    }
  }

  @Override
  public void publish(OutboundMessage m) {
    Future<?> sent;
    try {
      sent = outbox.submit(() -> publishNow(m));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new HubException(HubException.Kind.UNAVAILABLE, "cannot publish to " + m.topic() + ": the MQTT link is closed");
    }
    try {
      sent.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("publishing to " + m.topic() + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing to " + m.topic(), e);
    }
  }

  private void publishNow(OutboundMessage m) {
    MqttMessage msg = new MqttMessage(m.payload(), m.qos(), m.retained(), null);
    if (m.responseTopic().isPresent() || m.correlationData().isPresent() || m.messageExpirySeconds().isPresent()) {
      MqttProperties p = new MqttProperties();
      m.responseTopic().ifPresent(p::setResponseTopic);
      m.correlationData().ifPresent(p::setCorrelationData);
      m.messageExpirySeconds().ifPresent(p::setMessageExpiryInterval);
      msg.setProperties(p);
    }
    long backoffMillis = 1;
    long giveUpAt = System.nanoTime() + DISCONNECTED_PATIENCE.toNanos();
    while (true) {
      try {
        client.publish(m.topic(), msg);
        return;
      } catch (MqttException e) {
        boolean windowFull = e.getReasonCode() == MAX_INFLIGHT_REACHED;
        if (closed || (!windowFull && client.isConnected()) || (!client.isConnected() && System.nanoTime() > giveUpAt)) {
          throw new HubException(HubException.Kind.UNAVAILABLE, "cannot publish to " + m.topic()
              + ": the MQTT broker is unreachable (" + e.getMessage() + ")");
        }
      }
      // 32202 (window full) or disconnected (reconnect under way): back off and retry, never drop.
      try {
        Thread.sleep(backoffMillis);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing to " + m.topic(), ie);
      }
      backoffMillis = Math.min(backoffMillis * 2, client.isConnected() ? MAX_WINDOW_FULL_BACKOFF_MILLIS : 1_000);
    }
  }

  @Override
  public boolean connected() {
    return client.isConnected();
  }

  @Override
  public synchronized void close() {
    closed = true;
    outbox.shutdown();
    try {
      outbox.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (client.isConnected()) {
        client.disconnect(2_000).waitForCompletion(3_000);
      }
    } catch (MqttException e) {
      LOG.debug("disconnect: {}", e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("close: {}", e.toString());
    }
    LOG.info("MQTT link closed");
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse r) {
      LOG.warn("MQTT link lost: {}", r.getReasonString() == null ? r.getException() : r.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
      LOG.warn("MQTT error: {}", e.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      MqttProperties p = message.getProperties();
      Optional<byte[]> corr = Optional.ofNullable(p == null ? null : p.getCorrelationData());
      sink.accept(new InboundMessage(topic, message.getPayload(), message.isRetained(), corr));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (reconnect) {
        LOG.info("MQTT link reconnected to {}", serverUri);
        // Off the callback thread: subscribing waits for the SUBACK.
        Thread.ofVirtual().name("mqtt-resubscribe").start(() -> {
          try {
            subscribe();
          } catch (MqttException | RuntimeException e) {
            LOG.error("re-subscription failed: {}", e.toString());
          }
        });
      }
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }

}
