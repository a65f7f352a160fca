package vn.diemcau.hub.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.commands.CommandCenter;
import vn.diemcau.hub.commands.DesiredStates;
import vn.diemcau.hub.events.FleetEvent;
import vn.diemcau.hub.events.FleetEvents;
import vn.diemcau.hub.health.HealthMonitor;
import vn.diemcau.hub.health.TelemetryStore;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.hub.mqtt.InboundMessage;
import vn.diemcau.hub.mqtt.Subscription;
import vn.diemcau.hub.presence.PresenceTracker;
import vn.diemcau.hub.registry.BoxRegistry;
import vn.diemcau.protocol.BoxTopic;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.Event;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ProtocolException;
import vn.diemcau.protocol.ReportedState;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.Telemetry;
import vn.diemcau.protocol.Topics;

/**
 * Takes every inbound message off the MQTT library's thread onto one of a few ingest lanes
 * (a box always maps to the same lane, so its messages stay in order), decodes it and hands it
 * to the owning component. A message that fails to parse or validate is logged, counted
 * ({@code diemcau_mqtt_bad_messages_total}) and dropped.
 */
public final class Dispatcher implements Consumer<InboundMessage>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int MAX_SNAPSHOT = 2 * 1024 * 1024;

  /** Everything the dispatcher feeds. */
  public record Sinks(BoxRegistry registry, PresenceTracker presence, TelemetryStore telemetry, HealthMonitor health,
      CommandCenter commands, DesiredStates desired, BoxEventLog events, Snapshots snapshots, BoxLogs logs,
      FleetEvents fleet, HubMetrics metrics) {}

  private final Sinks s;
  private final Clock clock;
  private final List<Lane> lanes = new ArrayList<>();

  public Dispatcher(Sinks sinks, Clock clock, int laneCount) {
    this.s = sinks;
    this.clock = clock;
    for (int i = 0; i < laneCount; i++) {
      lanes.add(new Lane("mqtt-in-" + i));
    }
  }

  /** What the hub subscribes to: every box's outbound channels. */
  public static List<Subscription> subscriptions() {
    List<Subscription> subs = new ArrayList<>();
    for (Channel c : Channel.values()) {
      if (c.fromBox()) {
        subs.add(new Subscription(Topics.allBoxes(c), c.qos()));
      }
    }
    return subs;
  }

  @Override
  public void accept(InboundMessage m) {
    Optional<BoxTopic> topic = Topics.parse(m.topic());
    if (topic.isEmpty()) {
      bad("topic", "unparseable topic " + m.topic());
      return;
    }
    String box = topic.get().device().value();
    lanes.get(Math.floorMod(box.hashCode(), lanes.size())).put(() -> handle(box, topic.get().channel(), m));
  }

  private void handle(String box, Channel channel, InboundMessage m) {
    String segment = channel.segment();
    try {
      if (!s.registry().exists(box)) {
        if (m.payload().length > 0) {
          bad("unregistered-box", "message on " + m.topic() + " from unregistered box " + box);
        }
        return;
      }
      s.metrics().messageIn(segment);
      if (m.payload().length == 0) {
        return; // a cleared retained message
      }
      Instant now = clock.instant();
      String commune = s.registry().commune(box).orElse("");
      if (channel != Channel.STATUS) {
        s.presence().seen(box, now);
      }
      switch (channel) {
        case STATUS -> {
          Status st = ProtocolCodec.decode(m.payload(), Status.class);
          s.presence().onStatus(box, st);
        }
        case TELEMETRY -> {
          Telemetry t = ProtocolCodec.decode(m.payload(), Telemetry.class);
          s.telemetry().record(box, t, m.payload());
          s.health().onTelemetry(box, t);
          s.fleet().publish(new FleetEvent.TelemetryReceived(box, commune, now));
        }
        case EVENT -> {
          Event e = ProtocolCodec.decode(m.payload(), Event.class);
          String type = e.getClass().getSimpleName();
          if (!s.events().record(box, e.seq(), e.at(), type, m.payload())) {
            LOG.debug("Duplicate event {} #{} from {}", type, e.seq(), box);
          } else if (e instanceof Event.EventsDropped d) {
            LOG.warn("Box {} dropped {} queued events while offline", box, d.count());
          }
        }
        case REPLY -> s.commands().onReply(box, ProtocolCodec.decode(m.payload(), CommandReply.class));
        case REPORTED -> {
          ReportedState r = ProtocolCodec.decode(m.payload(), ReportedState.class);
          s.desired().onReported(box, r, m.payload());
          s.fleet().publish(new FleetEvent.StateReported(box, commune, now, r.call().name(), r.room()));
        }
        case SNAPSHOT -> {
          if (m.payload().length > MAX_SNAPSHOT) {
            bad("snapshot-too-large", "snapshot of " + m.payload().length + " bytes from " + box);
            return;
          }
          s.snapshots().put(box, new Snapshots.Snapshot(now,
              m.correlationData().map(b -> new String(b, StandardCharsets.UTF_8)), m.payload()));
        }
        case LOGS -> {
          if (m.payload().length > ProtocolCodec.MAX_LOG_BYTES) {
            bad("logs-too-large", "log text of " + m.payload().length + " bytes from " + box);
            return;
          }
          Optional<String> text = utf8(m.payload());
          if (text.isEmpty()) {
            bad("invalid-logs", "log text from " + box + " is not UTF-8");
            return;
          }
          s.logs().put(box, new BoxLogs.Logs(now,
              m.correlationData().map(b -> new String(b, StandardCharsets.UTF_8)), text.get()));
        }
        case COMMAND, DESIRED -> LOG.debug("Ignoring hub-bound echo on {}", m.topic());
      }
    } catch (ProtocolException e) {
      bad("invalid-" + segment, "invalid " + segment + " from " + box + " at " + e.field() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      s.metrics().badMessage("error-" + segment);
      LOG.error("Handling {} from {} failed; message dropped", segment, box, e);
    }
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private void bad(String reason, String detail) {
    s.metrics().badMessage(reason);
    LOG.warn("Dropped MQTT message: {}", detail);
  }

  /** Waits until every lane has drained what was queued before this call (tests, shutdown). */
  public void drain() throws InterruptedException {
    for (Lane l : lanes) {
      var latch = new java.util.concurrent.CountDownLatch(1);
      l.put(latch::countDown);
      latch.await();
    }
  }

  @Override
  public void close() {
    lanes.forEach(Lane::stop);
  }

  /** A named thread working through a bounded queue; a full queue blocks the producer (back-pressure). */
  private static final class Lane {
    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(20_000);
    private final Thread thread;
    private volatile boolean running = true;

    Lane(String name) {
      thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    void put(Runnable r) {
      try {
        queue.put(r);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void run() {
      while (running || !queue.isEmpty()) {
        try {
          Runnable r = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
          if (r != null) {
            r.run();
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          LOG.error("ingest task failed", e);
        }
      }
    }

    void stop() {
      running = false;
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
