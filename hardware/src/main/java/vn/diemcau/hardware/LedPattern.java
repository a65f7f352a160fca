package vn.diemcau.hardware;

/** What the status LEDs show; each pattern is distinct to a clerk looking at the box. */
public enum LedPattern {
    /** Nothing going on: green LED dim heartbeat. */
    IDLE,
    /** A session is scheduled or designated: green slow blink (1 Hz). */
    SESSION_READY,
    /** Joining: green fast blink (4 Hz). */
    JOINING,
    /** In a call: green steady. */
    IN_CALL,
    /** In a call with the microphone muted: green steady + red steady. */
    MUTED,
    /** An error the clerk should report: red fast blink. */
    ERROR,
    /** The hub cannot be reached: red slow blink. */
    HUB_UNREACHABLE,
    /** Not provisioned yet, waiting for a technician: green and red together, slow blink (1 s / 1 s). */
    NEEDS_SETUP,
    /** A technician asked the box to identify itself: green and red alternate. */
    IDENTIFY,
    /** All off (shutdown state). */
    OFF
}
