package vn.diemcau.simulator;

import java.util.Optional;
import java.util.Set;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.DeviceId;

/** One simulated box of a running {@link Simulator}: what it is doing, and faults to inject. */
public interface SimulatedBox {

    DeviceId id();

    /** Whether the box holds an MQTT connection and has published its birth. */
    boolean connected();

    /** The boot id in its current (or last) birth and Last Will; changes on every restart. */
    String bootId();

    CallState callState();

    Optional<String> room();

    long appliedConfigVersion();

    /** The sequence number of the last event this box created (0 before the first). */
    long lastEventSeq();

    /** How many times the command with this id was executed (0, or 1: commands are idempotent). */
    int executions(String commandId);

    /** How many times the box connected (its first connection counts 1). */
    long connects();

    Set<Fault> faults();

    /** Starts misbehaving in the given way; no-op if the fault is already active. */
    void inject(Fault fault);

    /** Stops misbehaving in the given way; no-op if the fault is not active. */
    void clear(Fault fault);
}
