package vn.diemcau.simulator;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.protocol.DeviceId;

/**
 * Runs N protocol-correct simulated boxes against an MQTT 5 broker, all in this JVM on a handful of
 * shared threads (HiveMQ MQTT client, async API).
 * <pre>{@code
 * var settings = SimulatorSettings.builder(BrokerSettings.tcp("127.0.0.1", port),
 *         BoxIdentities.numbered("sim-", 100, Optional.of("pw-{id}"))).build();
 * try (Simulator sim = Simulator.start(settings)) {
 *     await().until(() -> sim.connectedCount() == 100);
 *     sim.box("sim-0007").inject(Fault.HIGH_TEMPERATURE);
 *     sim.kill(DeviceId.of("sim-0042"));   // the broker publishes its Will
 * }
 * }</pre>
 * Boxes connect at {@link SimulatorSettings#connectRate()} per second after {@link #start}; each box
 * reconnects by itself (with backoff) until it is stopped, killed or closed.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final SimulatorSettings settings;
    private final SimulatorRuntime runtime;
    private final SeqStore seqStore;
    private final Map<DeviceId, SimBox> boxes;
    private final List<SimBox> order;
    private final AtomicInteger booted = new AtomicInteger();
    private volatile ScheduledFuture<?> starter;
    private boolean closed;

    private Simulator(SimulatorSettings settings) {
        this.settings = settings;
        this.runtime = SimulatorRuntime.standard();
        this.seqStore = SeqStore.open(settings.stateDir());
        Optional<MqttClientSslConfig> ssl = BoxConnection.sslConfig(settings.broker());
        Map<DeviceId, SimBox> all = new LinkedHashMap<>();
        int index = 0;
        for (BoxIdentity identity : settings.boxes()) {
            all.put(identity.id(), new SimBox(identity, index++, settings, runtime, seqStore.counter(identity.id()),
                    (box, connects) -> new BoxConnection(identity, settings.broker(), ssl, runtime, box.executor,
                            box, connects)));
        }
        this.boxes = Collections.unmodifiableMap(all);
        this.order = List.copyOf(all.values());
        int perTick = Math.max(1, settings.connectRate() / 100);
        this.starter = runtime.worker().scheduleAtFixedRate(() -> bootNext(perTick), 0, 10, TimeUnit.MILLISECONDS);
    }

    /** Creates the boxes and starts connecting them; returns at once (watch {@link #connectedCount()}). */
    public static Simulator start(SimulatorSettings settings) {
        Simulator simulator = new Simulator(settings);
        LOG.info("simulator started: {} boxes → {} ({} connects/s, telemetry every {})", settings.boxes().size(),
                settings.broker(), settings.connectRate(), settings.telemetryInterval());
        return simulator;
    }

    private void bootNext(int count) {
        for (int i = 0; i < count; i++) {
            int next = booted.getAndIncrement();
            if (next >= order.size()) {
                ScheduledFuture<?> self = starter;
                if (self != null) {
                    self.cancel(false);
                }
                return;
            }
            SimBox box = order.get(next);
            box.executor.execute(box::boot);
        }
    }

    /** The box with this id; throws if it is not simulated here. */
    public SimulatedBox box(DeviceId id) {
        return simBox(id);
    }

    public SimulatedBox box(String id) {
        return simBox(DeviceId.of(id));
    }

    /** All boxes, in the order they were given. */
    public List<SimulatedBox> boxes() {
        return List.copyOf(order);
    }

    public int connectedCount() {
        int n = 0;
        for (SimBox box : order) {
            n += box.connected() ? 1 : 0;
        }
        return n;
    }

    /** Whether every box has made its first connection attempt. */
    public boolean allStarted() {
        return booted.get() >= order.size();
    }

    public SimulatorStats stats() {
        return runtime.counters.snapshot(order.size(), connectedCount());
    }

    /** Shuts the box down cleanly (retained OFFLINE status, then DISCONNECT); {@link #start(DeviceId)} brings it back. */
    public void stop(DeviceId id) {
        await(simBox(id).shutdown());
    }

    /** Drops the box's connection without DISCONNECT, so the broker publishes its Last Will; it stays down. */
    public void kill(DeviceId id) {
        simBox(id).kill();
    }

    /** Starts a stopped or killed box again, with a new boot id; no-op if it is running. */
    public void start(DeviceId id) {
        SimBox box = simBox(id);
        box.executor.execute(box::boot);
    }

    private SimBox simBox(DeviceId id) {
        SimBox box = boxes.get(id);
        if (box == null) {
            throw new IllegalArgumentException("no simulated box with id " + id.value());
        }
        return box;
    }

    /** Stops every box cleanly, saves event sequence numbers and releases the threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        starter.cancel(false);
        List<CompletableFuture<Void>> stops = new ArrayList<>(order.size());
        for (SimBox box : order) {
            box.cancelTelemetry();
            stops.add(box.shutdown());
        }
        await(CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)));
        seqStore.save();
        runtime.close();
        LOG.info("simulator closed: {} boxes in {} ms", order.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static void await(CompletableFuture<?> future) {
        try {
            future.get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("simulated boxes did not disconnect within 15 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.debug("disconnect failed: {}", e.getCause().toString());
        }
    }

    SimulatorSettings settings() {
        return settings;
    }
}
