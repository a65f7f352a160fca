package vn.diemcau.hardware;

/**
 * Time and timers for the hardware layer: a monotonic millisecond clock and one-shot tasks.
 * Production uses {@link ThreadScheduler} (one named thread); tests use a fake that runs due
 * tasks when the test advances its clock, so nothing ever sleeps.
 */
interface Scheduler {

    /** Monotonic milliseconds (arbitrary origin). */
    long nowMillis();

    /** Runs {@code task} once after {@code delayMillis} (0 = as soon as possible). */
    Timer schedule(long delayMillis, Runnable task);

    /** Runs {@code task} as soon as possible on the scheduler's thread. */
    default void execute(Runnable task) {
        schedule(0, task);
    }

    /** A scheduled task that can still be cancelled. */
    @FunctionalInterface
    interface Timer {
        Timer NONE = () -> { };

        /** Cancels the task if it has not run yet; idempotent. */
        void cancel();
    }
}
