package vn.diemcau.hardware;

import java.time.Duration;

/** The box's status LEDs. {@link #close()} leaves every LED in its safe shutdown state (off). */
public interface StatusLights extends AutoCloseable {

    /** Shows a pattern until another is shown. Thread-safe, returns at once. */
    void show(LedPattern pattern);

    /** The pattern currently shown. */
    LedPattern current();

    /**
     * Shows {@link LedPattern#IDENTIFY} for {@code duration} so a technician can find the box,
     * then returns to the last pattern {@link #show shown} (also one shown meanwhile). The
     * hardware implementations do exactly that; this default, for simple fakes, just shows
     * IDENTIFY and leaves restoring to the caller.
     *
     * @throws IllegalArgumentException if the duration is not positive
     */
    default void identify(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("identify duration must be positive, got " + duration);
        }
        show(LedPattern.IDENTIFY);
    }

    @Override
    void close();
}
