package vn.diemcau.hub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.audit.AuditLog;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.hub.metrics.LatencyHistogram;
import vn.diemcau.hub.mqtt.OutboundMessage;
import vn.diemcau.hub.storage.Jdbc;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.Topics;

/**
 * Sends commands as MQTT 5 requests (response topic = the box's reply topic, correlation data =
 * command id, message expiry), follows their replies through {@link CommandState}, times them
 * out, persists every step (open commands survive a restart) and audits every command.
 * A repeated idempotency key returns the first batch instead of sending again.
 */
public final class CommandCenter {
  private static final Logger LOG = LoggerFactory.getLogger(CommandCenter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Publishes to the broker. */
  @FunctionalInterface
  public interface Publisher {
    void publish(OutboundMessage m);
  }

  /** A command to several boxes, sent together. */
  public record Batch(String batchId, List<CommandRecord> commands) {}

  private final CommandStore store;
  private final Jdbc jdbc;
  private final Clock clock;
  private final Publisher publisher;
  private final AuditLog audit;
  private final HubMetrics metrics;
  private final Map<String, CommandRecord> open = new ConcurrentHashMap<>();
  private final List<Consumer<CommandRecord>> listeners = new CopyOnWriteArrayList<>();
  /** When each open command left the hub ({@link System#nanoTime}), for the round-trip histogram. */
  private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
  private final Object keyed = new Object();
  private final LatencyHistogram issueTime;
  private final LatencyHistogram roundTrip;

  public CommandCenter(Jdbc jdbc, Clock clock, Publisher publisher, AuditLog audit, HubMetrics metrics) {
    this.jdbc = jdbc;
    this.store = new CommandStore(jdbc);
    this.clock = clock;
    this.publisher = publisher;
    this.audit = audit;
    this.metrics = metrics;
    this.issueTime = metrics.histogram("diemcau_command_issue_seconds",
        "Commands: from the hub taking the request to the command published to the broker");
    this.roundTrip = metrics.histogram("diemcau_command_round_trip_seconds",
        "Commands: from the hub handing the command to its MQTT client to the box's final reply handled by the hub");
    store.open().forEach(c -> open.put(c.id(), c));
    if (!open.isEmpty()) {
      LOG.info("Resumed {} open commands", open.size());
    }
  }

  public void addListener(Consumer<CommandRecord> l) {
    listeners.add(l);
  }

  /** The protocol's name of a command type. */
  public static String typeName(Command c) {
    return switch (c) {
      case Command.Join j -> "join";
      case Command.Leave l -> "leave";
      case Command.RestartMedia r -> "restart_media";
      case Command.Reboot r -> "reboot";
      case Command.ApplyConfig a -> "apply_config";
      case Command.Snapshot s -> "snapshot";
      case Command.SelfTest s -> "self_test";
      case Command.Identify i -> "identify";
      case Command.CollectLogs l -> "collect_logs";
    };
  }

  /**
   * Sends {@code command} to each of {@code boxIds}. The box refuses it after {@code expiry};
   * the hub stops waiting for the final reply after {@code timeout} (≥ expiry).
   */
  public Batch issue(List<String> boxIds, Command command, String issuedBy, Duration expiry, Duration timeout,
      Optional<String> idempotencyKey) {
    return issue(boxIds, box -> command, issuedBy, expiry, timeout, idempotencyKey);
  }

  /** Like {@link #issue(List, Command, String, Duration, Duration, Optional)} with a command per box. */
  public Batch issue(List<String> boxIds, java.util.function.Function<String, Command> commandFor, String issuedBy,
      Duration expiry, Duration timeout, Optional<String> idempotencyKey) {
    if (boxIds.isEmpty()) {
      throw HubException.badRequest("a command needs at least one target box");
    }
    if (expiry.toSeconds() < 1 || timeout.compareTo(expiry) < 0) {
      throw HubException.badRequest("expirySeconds must be ≥ 1 and timeoutSeconds ≥ expirySeconds");
    }
    long started = System.nanoTime();
    if (idempotencyKey.isPresent()) {
      synchronized (keyed) { // a repeated key sent concurrently still gets the first batch
        List<CommandRecord> prior = store.batch(idempotencyKey.get());
        if (!prior.isEmpty()) {
          LOG.info("Idempotency key {} repeated by {}: returning the first batch", idempotencyKey.get(), issuedBy);
          return new Batch(idempotencyKey.get(), prior);
        }
        return send(idempotencyKey.get(), boxIds, commandFor, issuedBy, expiry, timeout, started);
      }
    }
    return send(UUID.randomUUID().toString(), boxIds, commandFor, issuedBy, expiry, timeout, started);
  }

  /**
   * Queues the rows, publishes, then waits for the rows' commit before returning: the database is
   * not on the way out (the publish does not wait behind a telemetry flush holding the
   * connection), yet a command acknowledged to the caller is stored. Replies cannot overtake the
   * row: their updates queue behind it.
   */
  private Batch send(String batchId, List<String> boxIds, java.util.function.Function<String, Command> commandFor,
      String issuedBy, Duration expiry, Duration timeout, long started) {
    Instant now = clock.instant();
    List<CommandRecord> toSend = new ArrayList<>();
    for (String box : boxIds) {
      String id = UUID.randomUUID().toString();
      Command command = commandFor.apply(box);
      CommandRequest req = new CommandRequest(id, now, now.plus(expiry), issuedBy, command);
      JsonNode json = parse(ProtocolCodec.encode(req));
      toSend.add(new CommandRecord(id, batchId, box, typeName(command), json, issuedBy, now, now.plus(expiry),
          now.plus(timeout), CommandState.SENT, now, Optional.empty(), Optional.empty()));
    }
    for (CommandRecord c : toSend) {
      store.insert(c);
      open.put(c.id(), c);
    }
    for (CommandRecord c : toSend) {
      DeviceId box = DeviceId.of(c.boxId());
      // Stamped before the publish: a fast reply may be handled before publish() returns.
      publishedAt.put(c.id(), System.nanoTime());
      try {
        publisher.publish(new OutboundMessage(Topics.of(box, Channel.COMMAND), c.request().toString()
            .getBytes(StandardCharsets.UTF_8), 1, false, Optional.of(Topics.of(box, Channel.REPLY)),
            Optional.of(c.id().getBytes(StandardCharsets.UTF_8)), Optional.of(Math.max(1, expiry.toSeconds()))));
      } catch (RuntimeException e) {
        publishedAt.remove(c.id());
        throw e;
      }
      issueTime.observeNanos(System.nanoTime() - started);
      metrics.command("sent");
      audit.record(issuedBy, "command." + c.type(), c.boxId(), c.request().path("command").toString(), "sent");
      notify(c);
    }
    jdbc.awaitWrites();
    return new Batch(batchId, toSend);
  }

  /** A reply from {@code boxId}; ignored (idempotently) when it does not advance the command. */
  public void onReply(String boxId, CommandReply reply) {
    CommandRecord c = open.get(reply.commandId());
    if (c == null) {
      LOG.debug("Reply {} for command {} that is not open", reply.stage(), reply.commandId());
      return;
    }
    if (!c.boxId().equals(boxId)) {
      metrics.badMessage("reply-wrong-box");
      LOG.warn("Box {} replied to command {} of box {}: dropped", boxId, c.id(), c.boxId());
      return;
    }
    Optional<JsonNode> result = reply.result().isEmpty() ? Optional.empty() : Optional.of(JSON.valueToTree(reply.result()));
    CommandState next = switch (reply.stage()) {
      case ACCEPTED -> c.state() == CommandState.SENT ? CommandState.ACCEPTED : c.state();
      case REJECTED -> CommandState.REJECTED;
      case SUCCEEDED -> CommandState.SUCCEEDED;
      case FAILED -> CommandState.FAILED;
    };
    if (next != c.state()) {
      transition(c, next, reply.reason(), result);
    }
  }

  /** Expires and times out open commands; called periodically. */
  public void sweep() {
    Instant now = clock.instant();
    for (CommandRecord c : List.copyOf(open.values())) {
      if (c.state() == CommandState.SENT && now.isAfter(c.expiresAt())) {
        transition(c, CommandState.EXPIRED, Optional.of("no answer before the command expired"), Optional.empty());
      } else if (c.state() == CommandState.ACCEPTED && now.isAfter(c.deadlineAt())) {
        transition(c, CommandState.TIMED_OUT, Optional.of("accepted but no result before the deadline"),
            Optional.empty());
      }
    }
  }

  /**
   * Decides and queues the state change under the lock (the write is queued before the command
   * leaves {@code open}, so {@link #find} never reads an older state); audits and notifies after
   * it, so the ingest lanes do not queue behind one another's audit entry or listeners.
   */
  private void transition(CommandRecord c, CommandState next, Optional<String> reason, Optional<JsonNode> result) {
    CommandRecord updated;
    synchronized (this) {
      CommandRecord current = open.get(c.id());
      if (current == null || current.state().isFinal()) {
        return;
      }
      updated = current.to(next, clock.instant(), reason, result);
      store.update(updated);
      if (next.isFinal()) {
        open.remove(c.id());
        Long published = publishedAt.remove(c.id());
        if (published != null && next != CommandState.EXPIRED && next != CommandState.TIMED_OUT) {
          roundTrip.observeNanos(System.nanoTime() - published);
        }
      } else {
        open.put(c.id(), updated);
      }
    }
    if (next.isFinal()) {
      audit.record(c.issuedBy(), "command." + c.type(), c.boxId(), "id " + c.id() + reason.map(r -> ": " + r).orElse(""),
          next.name().toLowerCase(java.util.Locale.ROOT));
    }
    metrics.command(next.name().toLowerCase(java.util.Locale.ROOT));
    notify(updated);
  }

  public Optional<CommandRecord> find(String id) {
    return Optional.ofNullable(open.get(id)).or(() -> store.find(id));
  }

  public List<CommandRecord> batch(String batchId) {
    return store.batch(batchId);
  }

  public List<CommandRecord> list(Optional<String> boxId, Optional<CommandState> state, int limit) {
    return store.list(boxId, state, limit);
  }

  public int openCount() {
    return open.size();
  }

  private void notify(CommandRecord c) {
    listeners.forEach(l -> l.accept(c));
  }

  private static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("codec produced invalid JSON", e);
    }
  }
}
