package vn.diemcau.appliance.call;

import java.time.Duration;

/**
 * The single thread that owns a component's state: {@link #execute} runs tasks in order on it,
 * {@link #schedule} runs one later. Production uses {@link ThreadScheduler}; tests a manual one.
 */
public interface Scheduler {

    /** Runs {@code task} on the owning thread, after the tasks already queued. */
    void execute(Runnable task);

    /** Runs {@code task} on the owning thread after {@code delay}; the handle cancels it. */
    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduled task that has not run yet can be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
