package vn.diemcau.hardware;

/** The box's status LEDs. {@link #close()} leaves every LED in its safe shutdown state (off). */
public interface StatusLights extends AutoCloseable {

    /** Shows a pattern until another is shown. Thread-safe, returns at once. */
    void show(LedPattern pattern);

    /** The pattern currently shown. */
    LedPattern current();

    @Override
    void close();
}
