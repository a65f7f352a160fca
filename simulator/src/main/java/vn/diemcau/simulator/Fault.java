package vn.diemcau.simulator;

/**
 * Ways a simulated box can misbehave, for tests and the demo. Inject with
 * {@link SimulatedBox#inject(Fault)}, undo with {@link SimulatedBox#clear(Fault)}.
 */
public enum Fault {
    /** Receives commands but never replies (a hung fleet agent). */
    SILENT,
    /**
     * Drops its connection without DISCONNECT, so the broker publishes its Last Will, and stays
     * offline until the fault is cleared (then it reconnects with a new boot id).
     */
    OFFLINE,
    /**
     * Stops reading and stops sending keepalive pings with the TCP connection left open (like a
     * SIGSTOPped process): the broker drops it after 1.5 × keepalive and publishes its Will.
     * Clearing the fault closes the stale connection and reconnects.
     */
    FROZEN,
    /** Publishes telemetry that is not valid protocol JSON. */
    MALFORMED_TELEMETRY,
    /** Reports a CPU temperature of 84–90 °C with the soft temperature limit active. */
    HIGH_TEMPERATURE,
    /** Reports the camera as missing (and emits PeripheralLost / PeripheralFound events). */
    CAMERA_MISSING
}
