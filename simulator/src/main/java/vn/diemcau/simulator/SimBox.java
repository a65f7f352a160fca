package vn.diemcau.simulator;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.protocol.Birth;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Event;
import vn.diemcau.protocol.Event.EventsDropped;
import vn.diemcau.protocol.Peripheral;
import vn.diemcau.protocol.Event.PeripheralFound;
import vn.diemcau.protocol.Event.PeripheralLost;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ReportedState;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.Topics;

/**
 * One simulated box: its connection lifecycle, birth and Will, telemetry, events and faults. Inbound
 * commands and desired state are handled by {@link BoxBehaviour}. All state changes run on the box's
 * {@link SerialExecutor} under its lock; the flags read by the Netty thread are volatile.
 */
final class SimBox implements SimulatedBox, BoxConnection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SimBox.class);
    static final int MAX_PENDING_EVENTS = 1_000;
    static final Set<String> CAPABILITIES = Set.of("camera", "microphone", "speaker", "h264", "opus", "snapshot");

    final BoxIdentity identity;
    final SimulatorSettings settings;
    final SimulatorRuntime runtime;
    final SerialExecutor executor;
    final Map<Channel, String> topics = new EnumMap<>(Channel.class);
    final CallModel call = new CallModel();
    final CommandMemory commands = new CommandMemory();
    final BoxConnection connection;
    private final BoxBehaviour behaviour;
    private final AtomicLong seq;
    private final TelemetryModel telemetry;
    private final Set<Fault> faults = EnumSet.noneOf(Fault.class);
    private final Deque<Event> pending = new ArrayDeque<>();
    private final AtomicInteger reconnectAttempts = new AtomicInteger();

    private volatile boolean wanted;
    private volatile boolean connected;
    private volatile boolean frozen;
    private String bootId = "";
    Instant bootedAt = Instant.EPOCH;
    private long connects;
    private long droppedEvents;
    long appliedConfigVersion;
    Duration telemetryInterval;
    Optional<String> lastError = Optional.empty();
    private Optional<ScheduledFuture<?>> ticker = Optional.empty();

    SimBox(BoxIdentity identity, int index, SimulatorSettings settings, SimulatorRuntime runtime, AtomicLong seq,
            BoxConnectionFactory connections) {
        this.identity = identity;
        this.settings = settings;
        this.runtime = runtime;
        this.seq = seq;
        this.executor = new SerialExecutor(runtime.worker());
        this.telemetry = new TelemetryModel(identity.id().value().hashCode() * 31L + index, index);
        this.telemetryInterval = settings.telemetryInterval();
        for (Channel channel : Channel.values()) {
            topics.put(channel, Topics.of(identity.id(), channel));
        }
        this.faults.addAll(settings.faults().getOrDefault(identity.id(), Set.of()));
        this.connection = connections.create(this, this::connectMessage);
        this.behaviour = new BoxBehaviour(this);
    }

    /** Makes a box's connection; the simulator passes one bound to its broker, TLS and runtime. */
    interface BoxConnectionFactory {
        BoxConnection create(SimBox box, BoxConnection.Connects connects);
    }

    Instant now() {
        return settings.clock().instant();
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /** Boots (a new boot id) and connects; no-op if the box is already meant to be up. */
    synchronized void boot() {
        if (wanted || faults.contains(Fault.OFFLINE)) {
            return;
        }
        wanted = true;
        bootId = UUID.randomUUID().toString();
        bootedAt = now();
        reconnectAttempts.set(0);
        connection.connect(connectMessage());
        if (ticker.isEmpty()) {
            scheduleTelemetry(Duration.ofMillis(ThreadLocalRandom.current().nextLong(telemetryInterval.toMillis())));
        }
    }

    /** Clean shutdown: retained OFFLINE status, then DISCONNECT (so no Will). */
    synchronized CompletableFuture<Void> shutdown() {
        wanted = false;
        if (!connected) {
            return CompletableFuture.completedFuture(null);
        }
        connected = false;
        Status offline = new Status(Presence.OFFLINE, now(), bootId, Optional.empty());
        return connection.publish(topics.get(Channel.STATUS), ProtocolCodec.encode(offline), 1, true)
                .handle((r, e) -> null)
                .thenCompose(x -> connection.disconnect())
                .exceptionally(e -> null);
    }

    /** Drops the connection without DISCONNECT: the broker publishes the Will. */
    void kill() {
        wanted = false;
        connection.drop();
    }

    synchronized void cancelTelemetry() {
        ticker.ifPresent(t -> t.cancel(false));
        ticker = Optional.empty();
    }

    synchronized void scheduleTelemetry(Duration firstDelay) {
        cancelTelemetry();
        ticker = Optional.of(runtime.worker().scheduleAtFixedRate(() -> executor.execute(this::publishTelemetry),
                firstDelay.toMillis(), telemetryInterval.toMillis(), TimeUnit.MILLISECONDS));
    }

    private synchronized Mqtt5Connect connectMessage() {
        Status will = new Status(Presence.OFFLINE, now(), bootId, Optional.empty());
        Mqtt5ConnectBuilder builder = Mqtt5Connect.builder()
                .cleanStart(settings.cleanStart())
                .sessionExpiryInterval(settings.sessionExpiry().toSeconds())
                .keepAlive((int) settings.keepAlive().toSeconds());
        var auth = builder.simpleAuth().username(identity.id().value());
        if (identity.password().isPresent()) {
            auth = auth.password(identity.password().get().getBytes(StandardCharsets.UTF_8));
        }
        return auth.applySimpleAuth()
                .willPublish().topic(topics.get(Channel.STATUS)).payload(ProtocolCodec.encode(will))
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish()
                .build();
    }

    // ---- connection callbacks -------------------------------------------------------------------

    @Override
    public void onConnected() {
        if (!wanted) {
            return;
        }
        reconnectAttempts.set(0);
        runtime.counters.connects.increment();
        connection.subscribe(List.of(topics.get(Channel.COMMAND), topics.get(Channel.DESIRED)))
                .whenComplete((ack, error) -> executor.execute(() -> announce(error)));
    }

    private synchronized void announce(Throwable subscribeError) {
        if (subscribeError != null) {
            LOG.warn("{}: subscribe failed: {}", identity.id().value(), subscribeError.toString());
        }
        if (!wanted) {
            return;
        }
        connects++;
        Birth birth = new Birth(settings.softwareVersion(), "Simulated Raspberry Pi 5", CAPABILITIES,
                appliedConfigVersion, bootedAt);
        send(Channel.STATUS, ProtocolCodec.encode(new Status(Presence.ONLINE, now(), bootId, Optional.of(birth))));
        publishReported();
        connected = true;
        if (droppedEvents > 0) {
            long count = droppedEvents;
            droppedEvents = 0;
            emit(s -> new EventsDropped(s, now(), count));
        }
        while (!pending.isEmpty()) {
            sendEvent(pending.poll());
        }
    }

    @Override
    public Optional<Duration> onDisconnected(Throwable cause) {
        boolean was = connected;
        connected = false;
        (was ? runtime.counters.disconnects : runtime.counters.connectFailures).increment();
        LOG.debug("{}: disconnected: {}", identity.id().value(), cause.toString());
        if (!wanted) {
            return Optional.empty();
        }
        long base = Math.min(30_000L, 500L << Math.min(reconnectAttempts.getAndIncrement(), 6));
        return Optional.of(Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1)));
    }

    @Override
    public void onMessage(Mqtt5Publish message) {
        if (!frozen) {
            behaviour.received(message);
        }
    }

    // ---- outbound -------------------------------------------------------------------------------

    synchronized void publishTelemetry() {
        if (!connected || frozen) {
            return;
        }
        byte[] payload = faults.contains(Fault.MALFORMED_TELEMETRY)
                ? telemetry.malformed()
                : ProtocolCodec.encode(telemetry.next(now(), bootedAt, faults.contains(Fault.HIGH_TEMPERATURE),
                        faults.contains(Fault.CAMERA_MISSING), call.info()));
        send(Channel.TELEMETRY, payload);
        runtime.counters.telemetrySent.increment();
    }

    synchronized void publishReported() {
        ReportedState state = new ReportedState(appliedConfigVersion, now(), call.state(), call.room(), lastError, false,
                call.view());
        send(Channel.REPORTED, ProtocolCodec.encode(state));
    }

    /** Creates an event with the next sequence number; sends it now, or on reconnect. */
    synchronized void emit(LongFunction<Event> event) {
        Event e = event.apply(seq.incrementAndGet());
        if (connected && !frozen) {
            sendEvent(e);
        } else if (pending.size() < MAX_PENDING_EVENTS) {
            pending.add(e);
        } else {
            droppedEvents++;
        }
    }

    private void sendEvent(Event event) {
        send(Channel.EVENT, ProtocolCodec.encode(event));
        runtime.counters.eventsSent.increment();
    }

    void send(Channel channel, byte[] payload) {
        count(connection.publish(topics.get(channel), payload, channel.qos(), channel.retained()));
    }

    void count(CompletableFuture<Mqtt5PublishResult> result) {
        result.whenComplete((r, e) -> {
            if (e != null || (r != null && r.getError().isPresent())) {
                runtime.counters.publishFailures.increment();
            }
        });
    }

    // ---- faults ---------------------------------------------------------------------------------

    @Override
    public void inject(Fault fault) {
        executor.execute(() -> changeFault(fault, true));
    }

    @Override
    public void clear(Fault fault) {
        executor.execute(() -> changeFault(fault, false));
    }

    private synchronized void changeFault(Fault fault, boolean on) {
        if (on ? !faults.add(fault) : !faults.remove(fault)) {
            return;
        }
        LOG.info("{}: fault {} {}", identity.id().value(), fault, on ? "injected" : "cleared");
        switch (fault) {
            case OFFLINE -> {
                if (on) {
                    kill();
                } else {
                    boot();
                }
            }
            case FROZEN -> {
                frozen = on;
                if (on) {
                    connection.freeze();
                } else {
                    connection.drop();
                }
            }
            case CAMERA_MISSING -> emit(s -> on
                    ? new PeripheralLost(s, now(), Peripheral.CAMERA, "/dev/video0")
                    : new PeripheralFound(s, now(), Peripheral.CAMERA, "/dev/video0"));
            case SILENT, MALFORMED_TELEMETRY, HIGH_TEMPERATURE -> { }
        }
    }

    synchronized boolean hasFault(Fault fault) {
        return faults.contains(fault);
    }

    // ---- SimulatedBox ---------------------------------------------------------------------------

    @Override public DeviceId id() { return identity.id(); }
    @Override public boolean connected() { return connected && !frozen; }
    @Override public synchronized String bootId() { return bootId; }
    @Override public synchronized CallState callState() { return call.state(); }
    @Override public synchronized Optional<String> room() { return call.room(); }
    @Override public synchronized long appliedConfigVersion() { return appliedConfigVersion; }
    @Override public long lastEventSeq() { return seq.get(); }
    @Override public synchronized int executions(String commandId) { return commands.executions(commandId); }
    @Override public synchronized long connects() { return connects; }
    @Override public synchronized Set<Fault> faults() { return Set.copyOf(faults); }

    @Override
    public String toString() {
        return "SimBox[" + identity.id().value() + (connected ? ", online" : ", offline") + "]";
    }
}
