package vn.diemcau.hub.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ReplyStage;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.Telemetry;
import vn.diemcau.protocol.Topics;

/**
 * A protocol-correct box for tests (real Paho MQTT 5 client): retained status with a Last Will,
 * telemetry, and commands answered ACCEPTED then SUCCEEDED (idempotent by id).
 */
public final class TestBox implements AutoCloseable {
  public final DeviceId id;
  private final MqttClient client;
  private final String bootId = UUID.randomUUID().toString();
  private final Instant connectedAt = Instant.now();
  public final List<CommandRequest> received = new CopyOnWriteArrayList<>();
  /** Topics of messages received through {@link #subscribeRaw}. */
  public final List<String> rawReceived = new CopyOnWriteArrayList<>();
  private final AtomicBoolean answer = new AtomicBoolean(true);

  public TestBox(String brokerUrl, String id, String password, int keepAliveSeconds) throws MqttException {
    this(brokerUrl, id, password, keepAliveSeconds, SocketFactory.getDefault());
  }

  /** A box connecting through {@code sockets} (e.g. TLS for ssl:// URLs). */
  public TestBox(String brokerUrl, String id, String password, int keepAliveSeconds, SocketFactory sockets)
      throws MqttException {
    this.id = DeviceId.of(id);
    this.client = new MqttClient(brokerUrl, id, new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setUserName(id);
    o.setPassword(password.getBytes(StandardCharsets.UTF_8));
    o.setCleanStart(true);
    o.setKeepAliveInterval(keepAliveSeconds);
    o.setAutomaticReconnect(false);
    o.setSocketFactory(sockets);
    MqttMessage will = new MqttMessage(ProtocolCodec.encode(new Status(Presence.OFFLINE, connectedAt, bootId,
        Optional.empty())), 1, true, null);
    o.setWill(Topics.of(this.id, Channel.STATUS), will);
    client.connect(o);
  }

  /** Publishes the retained ONLINE status with a birth message, and starts answering commands. */
  public TestBox online() throws MqttException {
    var birth = new vn.diemcau.protocol.Birth("test-1.0", "test-box", Set.of("camera", "microphone"), 0, connectedAt);
    publish(Channel.STATUS, ProtocolCodec.encode(new Status(Presence.ONLINE, connectedAt, bootId, Optional.of(birth))),
        1, true);
    client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.of(id, Channel.COMMAND), 1)},
        new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, msg) -> onCommand(msg)});
    return this;
  }

  /** Stops answering commands (to test expiry and timeouts). */
  public void silent() {
    answer.set(false);
  }

  public void telemetry(Telemetry t) throws MqttException {
    publish(Channel.TELEMETRY, ProtocolCodec.encode(t), 0, false);
  }

  public void publishRaw(String topic, byte[] payload, int qos) throws MqttException {
    client.publish(topic, payload, qos, false);
  }

  public IMqttToken subscribeRaw(String filter) throws MqttException {
    return client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)},
        new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(t, m) -> rawReceived.add(t)});
  }

  public String bootId() {
    return bootId;
  }

  public boolean connected() {
    return client.isConnected();
  }

  private void publish(Channel channel, byte[] payload, int qos, boolean retained) throws MqttException {
    client.publish(Topics.of(id, channel), payload, qos, retained);
  }

  private void onCommand(MqttMessage msg) {
    CommandRequest req = ProtocolCodec.decode(msg.getPayload(), CommandRequest.class);
    received.add(req);
    if (!answer.get()) {
      return;
    }
    // Off Paho's callback thread: publishing from it would deadlock the sync client.
    Thread.ofVirtual().start(() -> {
      try {
        String responseTopic = msg.getProperties().getResponseTopic();
        byte[] corr = msg.getProperties().getCorrelationData();
        reply(responseTopic, corr, new CommandReply(req.id(), ReplyStage.ACCEPTED, Instant.now(), Optional.empty(),
            Map.of()));
        if (req.command() instanceof vn.diemcau.protocol.Command.CollectLogs logs) {
          // Like a box: the text first (oldest line first), then SUCCEEDED.
          StringBuilder text = new StringBuilder();
          for (int i = logs.lines(); i >= 1; i--) {
            text.append("INFO  [fleet] TestBox - dòng nhật ký ").append(i).append(" của ").append(id.value()).append('\n');
          }
          MqttMessage m = new MqttMessage(text.toString().getBytes(StandardCharsets.UTF_8), 1, false, null);
          MqttProperties p = new MqttProperties();
          p.setCorrelationData(corr);
          m.setProperties(p);
          client.publish(Topics.of(id, Channel.LOGS), m);
        }
        reply(responseTopic, corr, new CommandReply(req.id(), ReplyStage.SUCCEEDED, Instant.now(), Optional.empty(),
            Map.of("ok", true)));
      } catch (MqttException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private void reply(String topic, byte[] corr, CommandReply r) throws MqttException {
    MqttMessage m = new MqttMessage(ProtocolCodec.encode(r), 1, false, null);
    MqttProperties p = new MqttProperties();
    p.setCorrelationData(corr);
    m.setProperties(p);
    client.publish(topic, m);
  }

  /** A healthy telemetry sample, with the given CPU temperature and camera presence. */
  public static Telemetry telemetry(double cpuTemp, boolean camera) {
    var sys = new vn.diemcau.protocol.SystemHealth(0.5, 12.5, Optional.of(cpuTemp), 4_000_000_000L, 3_000_000_000L,
        32_000_000_000L, 20_000_000_000L, 1234, new vn.diemcau.protocol.Throttling(false, false, false, false, false),
        new vn.diemcau.protocol.Network("eth0", "10.0.0.2", 1000, 2000));
    return new Telemetry(Instant.now(), sys, new vn.diemcau.protocol.Peripherals(camera, true, true),
        new vn.diemcau.protocol.CallInfo(CallState.IDLE, Optional.empty(), Optional.empty()), Optional.empty());
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        // A clean disconnect suppresses the Will: say goodbye first, as the appliance does.
        publish(Channel.STATUS, ProtocolCodec.encode(new Status(Presence.OFFLINE, Instant.now(), bootId,
            Optional.empty())), 1, true);
        client.disconnect();
      }
      client.close();
    } catch (MqttException e) {
      // closing anyway
    }
  }

  /**
   * Runs a box as its own process (for SIGSTOP tests): args brokerUrl id password
   * keepAliveSeconds telemetryMillis; it sends telemetry every telemetryMillis, as a real box does.
   */
  public static void main(String[] args) throws Exception {
    TestBox box = new TestBox(args[0], args[1], args[2], Integer.parseInt(args[3])).online();
    System.out.println("READY");
    System.out.flush();
    long every = Long.parseLong(args[4]);
    var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    timer.scheduleAtFixedRate(() -> {
      try {
        box.telemetry(telemetry(45, true));
      } catch (MqttException e) {
        System.exit(1);
      }
    }, 0, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    Thread.currentThread().join();
  }
}
