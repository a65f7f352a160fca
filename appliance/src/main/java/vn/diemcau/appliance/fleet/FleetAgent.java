package vn.diemcau.appliance.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.call.Scheduler;
import vn.diemcau.appliance.call.ThreadScheduler;
import vn.diemcau.appliance.config.AtomicFiles;
import vn.diemcau.protocol.Birth;
import vn.diemcau.protocol.Channel;
import vn.diemcau.protocol.DesiredState;
import vn.diemcau.protocol.Event;
import vn.diemcau.protocol.Event.EventsDropped;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ProtocolException;
import vn.diemcau.protocol.Status;
import vn.diemcau.protocol.Telemetry;
import vn.diemcau.protocol.Topics;

/**
 * The box's link to the hub over MQTT 5 (the only Paho user in the appliance).
 *
 * <ul>
 *   <li>Connects with the box's credentials (client id = user name = box id), reconnecting forever
 *       with exponential backoff and jitter; Last Will = retained OFFLINE status.</li>
 *   <li>On connect: subscribes to its COMMAND and DESIRED topics, publishes the retained ONLINE
 *       status with the birth message and the retained REPORTED state, and sends queued events.</li>
 *   <li>Events ({@link #publishEvent}) go to an fsynced on-disk journal first and are sent at QoS 1
 *       in sequence order, removed only when PUBACKed (see {@link EventJournal}, {@link EventSender}).</li>
 *   <li>Telemetry every {@code telemetryInterval} at QoS 0 while connected.</li>
 *   <li>Commands and desired state are handed to the {@link CommandHandler} ({@link CommandProcessor}).</li>
 * </ul>
 * All state is owned by the {@code fleet-agent} thread.
 */
public final class FleetAgent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetAgent.class);

    private final FleetSettings settings;
    private final CommandHandler handler;
    private final Supplier<Telemetry> telemetry;
    private final Clock clock;
    private final ThreadScheduler scheduler = new ThreadScheduler("fleet-agent");
    private final String bootId = UUID.randomUUID().toString();
    private final Instant bootedAt;
    private final EventJournal journal;
    private final PahoConnection connection;
    private final EventSender sender;
    private final CommandProcessor commands;
    private final Path desiredVersionFile;
    private final AtomicLong badMessages = new AtomicLong();
    private final List<Consumer<Boolean>> linkListeners = new CopyOnWriteArrayList<>();
    private volatile FleetSnapshot snapshot;
    private volatile Instant connectAttemptAt;
    private Duration telemetryInterval;
    private Scheduler.Cancellable telemetryTimer = () -> { };
    private long appliedDesiredVersion;
    /** Whether this process has seen a desired state yet (the first one restores the session). */
    private boolean desiredSeen;
    private boolean started;

    public FleetAgent(FleetSettings settings, CommandHandler handler, Supplier<Telemetry> telemetry, Clock clock) {
        this.settings = settings;
        this.handler = handler;
        this.telemetry = telemetry;
        this.clock = clock;
        this.bootedAt = clock.instant();
        this.connectAttemptAt = bootedAt;
        this.telemetryInterval = settings.telemetryInterval();
        this.journal = EventJournal.open(settings.stateDir().resolve("events"), settings.journalMaxEvents(),
                (seq, count) -> ProtocolCodec.encode(new EventsDropped(seq, clock.instant(), count)));
        this.connection = new PahoConnection(settings.hub(), settings.box().value(),
                new PahoConnection.Will(topic(Channel.STATUS), this::offlineStatus), new Link(), scheduler);
        this.sender = new EventSender(journal, connection, topic(Channel.EVENT));
        this.commands = new CommandProcessor(handler, CommandLog.open(settings.stateDir().resolve("commands.json"), clock, 256),
                connection, scheduler, clock, topic(Channel.REPLY), badMessages);
        this.desiredVersionFile = settings.stateDir().resolve("desired.version");
        this.appliedDesiredVersion = readLong(desiredVersionFile);
        this.snapshot = new FleetSnapshot(false, bootedAt, journal.size(), journal.lastSeq(), Optional.empty(), 0);
    }

    /** Starts connecting (idempotent). */
    public void start() {
        scheduler.execute(() -> {
            if (started) return;
            started = true;
            log.info("Fleet agent for {} starting: broker {}, {} queued events", settings.box().value(), settings.hub().brokerUrl(), journal.size());
            sender.start();
            connection.start();
        });
    }

    /**
     * Queues an event: assigns its sequence number, writes it to disk (fsync) and sends it when the
     * hub is reachable. Thread-safe; returns the sequence number.
     */
    public long publishEvent(LongFunction<? extends Event> event) {
        long seq = journal.append(s -> ProtocolCodec.encode(event.apply(s)));
        sender.wake();
        refreshSnapshot(Optional.empty());
        return seq;
    }

    /**
     * Publishes a camera JPEG on the SNAPSHOT channel with the command id as correlation data (how
     * the hub files it), and waits for the hub's PUBACK, so a SUCCEEDED reply sent afterwards
     * never overtakes the picture. Any thread except the fleet thread (it blocks up to ~10 s).
     *
     * @throws IllegalStateException when the hub is not connected or the publish fails
     * @throws IllegalArgumentException when the JPEG exceeds {@link ProtocolCodec#MAX_SNAPSHOT_BYTES}
     */
    public void publishSnapshot(String commandId, byte[] jpeg) {
        if (jpeg.length > ProtocolCodec.MAX_SNAPSHOT_BYTES) {
            throw new IllegalArgumentException("snapshot of " + jpeg.length + " bytes exceeds the limit of "
                    + ProtocolCodec.MAX_SNAPSHOT_BYTES + " bytes");
        }
        publishForCommand(Channel.SNAPSHOT, commandId, jpeg, "snapshot");
    }

    /**
     * Publishes the box's recent log text (UTF-8) on the LOGS channel with the command id as
     * correlation data, and waits for the hub's PUBACK, like {@link #publishSnapshot}.
     *
     * @throws IllegalStateException when the hub is not connected or the publish fails
     * @throws IllegalArgumentException when the text exceeds {@link ProtocolCodec#MAX_LOG_BYTES}
     */
    public void publishLogs(String commandId, byte[] text) {
        if (text.length > ProtocolCodec.MAX_LOG_BYTES) {
            throw new IllegalArgumentException("log text of " + text.length + " bytes exceeds the limit of "
                    + ProtocolCodec.MAX_LOG_BYTES + " bytes");
        }
        publishForCommand(Channel.LOGS, commandId, text, "log text");
    }

    private void publishForCommand(Channel channel, String commandId, byte[] payload, String what) {
        if (!connection.isConnected()) throw new IllegalStateException("hub not connected; " + what + " not sent");
        MqttProperties p = new MqttProperties();
        p.setCorrelationData(commandId.getBytes(StandardCharsets.UTF_8));
        try {
            connection.publish(topic(channel), new MqttMessage(payload, channel.qos(), channel.retained(), p),
                    Duration.ofSeconds(10)).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new IllegalStateException(what + " not sent: " + PahoConnection.describe(e), e);
        }
        log.info("{} for command {} sent ({} bytes)", what.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + what.substring(1),
                commandId, payload.length);
    }

    /** Publishes the retained REPORTED state now (e.g. after a call state change). */
    public void publishReported() {
        scheduler.execute(this::sendReported);
    }

    /** Changes the telemetry period. */
    public void telemetryInterval(Duration interval) {
        scheduler.execute(() -> {
            telemetryInterval = interval;
            if (connection.isConnected()) scheduleTelemetry(Duration.ZERO);
        });
    }

    /** Told {@code true}/{@code false} when the link goes up/down, on the fleet thread. */
    public void addLinkListener(Consumer<Boolean> listener) {
        linkListeners.add(listener);
    }

    /** The link and queue as of now (the queue size is read live from the journal). */
    public FleetSnapshot snapshot() {
        FleetSnapshot s = snapshot;
        return new FleetSnapshot(s.connected(), s.since(), journal.size(), journal.lastSeq(), s.lastError(), badMessages.get());
    }

    private String topic(Channel channel) {
        return Topics.of(settings.box(), channel);
    }

    private byte[] offlineStatus() {
        connectAttemptAt = clock.instant();
        return ProtocolCodec.encode(new Status(Presence.OFFLINE, connectAttemptAt, bootId, Optional.empty()));
    }

    private void onConnected() {
        try {
            connection.subscribe(topic(Channel.COMMAND), topic(Channel.DESIRED));
            Birth birth = new Birth(settings.softwareVersion(), settings.hardwareModel(), settings.capabilities(),
                    handler.reported().appliedConfigVersion(), bootedAt);
            // Same instant as this connection's Last Will: the hub ignores an OFFLINE older than the
            // current ONLINE as stale, so a later ONLINE time would hide this connection's own Will.
            publish(Channel.STATUS, ProtocolCodec.encode(new Status(Presence.ONLINE, connectAttemptAt, bootId, Optional.of(birth))));
            sendReported();
        } catch (MqttException e) {
            log.warn("Setting up the session failed ({}); reconnecting", PahoConnection.describe(e));
            connection.dropConnection();
            return;
        }
        refreshSnapshot(Optional.empty());
        sender.online(true);
        scheduleTelemetry(Duration.ZERO);
        linkListeners.forEach(l -> l.accept(true));
    }

    private void onDisconnected(String reason) {
        telemetryTimer.cancel();
        sender.online(false);
        refreshSnapshot(Optional.of(reason));
        linkListeners.forEach(l -> l.accept(false));
    }

    private void onMessage(String topic, MqttMessage message) {
        if (topic.equals(topic(Channel.COMMAND))) {
            commands.onMessage(message);
        } else if (topic.equals(topic(Channel.DESIRED))) {
            onDesired(message.getPayload());
        } else {
            badMessages.incrementAndGet();
            log.warn("Message on unexpected topic {} dropped", topic);
        }
        refreshSnapshot(Optional.empty());
    }

    private void onDesired(byte[] payload) {
        if (payload.length == 0) return;
        DesiredState desired;
        try {
            desired = ProtocolCodec.decode(payload, DesiredState.class);
        } catch (ProtocolException e) {
            badMessages.incrementAndGet();
            log.warn("Dropping malformed desired state ({} at {})", e.getMessage(), e.field());
            return;
        }
        if (desired.version() <= appliedDesiredVersion) {
            if (!desiredSeen && desired.session().isPresent()) {
                // The config part is on disk, but the call is not: after a restart the box must
                // go back into the session it was told to be in.
                desiredSeen = true;
                log.info("Restoring the desired session of version {} after a restart", desired.version());
                handler.applyDesired(new DesiredState(desired.version(), desired.at(), desired.session(), Optional.empty()))
                        .whenComplete((ok, error) -> scheduler.execute(this::sendReported));
                return;
            }
            log.debug("Desired state {} already applied", desired.version());
            return;
        }
        desiredSeen = true;
        log.info("Applying desired state version {}", desired.version());
        handler.applyDesired(desired).whenComplete((ok, error) -> scheduler.execute(() -> {
            if (error != null) {
                log.warn("Desired state {} not fully applied: {}", desired.version(), error.getMessage());
            }
            appliedDesiredVersion = desired.version();
            AtomicFiles.write(desiredVersionFile, Long.toString(desired.version()).getBytes(StandardCharsets.US_ASCII));
            sendReported();
        }));
    }

    private void sendReported() {
        if (!connection.isConnected()) return;
        try {
            publish(Channel.REPORTED, ProtocolCodec.encode(handler.reported()));
        } catch (MqttException e) {
            log.warn("Reported state not sent: {}", PahoConnection.describe(e));
        }
    }

    private void scheduleTelemetry(Duration delay) {
        telemetryTimer.cancel();
        telemetryTimer = scheduler.schedule(() -> {
            if (!connection.isConnected()) return;
            try {
                MqttMessage m = new MqttMessage(ProtocolCodec.encode(telemetry.get()), 0, false, new MqttProperties());
                connection.publish(topic(Channel.TELEMETRY), m, Duration.ofSeconds(1));
            } catch (MqttException | RuntimeException e) {
                log.warn("Telemetry not sent: {}", e.getMessage());
            }
            scheduleTelemetry(telemetryInterval);
        }, delay);
    }

    private void publish(Channel channel, byte[] payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload, channel.qos(), channel.retained(), new MqttProperties());
        connection.publish(topic(channel), m, Duration.ofSeconds(10)).waitForCompletion(10_000);
    }

    private void refreshSnapshot(Optional<String> error) {
        FleetSnapshot s = snapshot;
        boolean up = connection.isConnected();
        snapshot = new FleetSnapshot(up, up != s.connected() ? clock.instant() : s.since(), journal.size(), journal.lastSeq(),
                error.or(s::lastError), badMessages.get());
    }

    private static long readLong(Path file) {
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0L;
        } catch (java.io.IOException | NumberFormatException e) {
            return 0L;
        }
    }

    /** Publishes the retained OFFLINE status (a clean disconnect sends no Will), then disconnects. */
    @Override
    public void close() {
        long t0 = System.nanoTime();
        scheduler.execute(() -> {
            telemetryTimer.cancel();
            if (connection.isConnected()) {
                try {
                    publish(Channel.STATUS, ProtocolCodec.encode(new Status(Presence.OFFLINE, clock.instant(), bootId, Optional.empty())));
                } catch (MqttException e) {
                    log.debug("offline status", e);
                }
            }
            connection.close(Duration.ofSeconds(2));
        });
        scheduler.close();
        sender.close();
        journal.close();
        log.info("Fleet agent stopped in {} ms ({} events queued on disk)", (System.nanoTime() - t0) / 1_000_000, journal.size());
    }

    /** Paho's connection events, already on the fleet thread. */
    private final class Link implements PahoConnection.Handler {
        @Override
        public void connected() {
            onConnected();
        }

        @Override
        public void disconnected(String reason) {
            log.warn("Lost the hub: {}", reason);
            onDisconnected(reason);
        }

        @Override
        public void connectFailed(String reason) {
            refreshSnapshot(Optional.of(reason));
        }

        @Override
        public void message(String topic, MqttMessage message) {
            onMessage(topic, message);
        }
    }
}
