package vn.diemcau.hardware;

/** The physical (or virtual) green and red status LEDs. {@link #close()} leaves both off. */
interface Lamps extends AutoCloseable {

    void set(boolean green, boolean red);

    /** Turns everything off and releases the outputs; idempotent. */
    @Override
    void close();
}
