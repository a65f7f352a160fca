package vn.diemcau.appliance.call;

import vn.diemcau.protocol.testing.FakeClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/** A {@link Scheduler} driven by the test: tasks run on {@link #runPending()}, timers on {@link #advance}. */
public final class ManualScheduler implements Scheduler {

    private final FakeClock clock;
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final List<Timed> timers = new ArrayList<>();
    private long order;

    public ManualScheduler(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Timed t = new Timed(clock.instant().plus(delay), order++, task);
        timers.add(t);
        return () -> {
            synchronized (this) {
                timers.remove(t);
            }
        };
    }

    /** Runs queued tasks (and the tasks they queue) until none is left. */
    public void runPending() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) return;
            next.run();
        }
    }

    /** Moves the clock forward, firing due timers in time order. */
    public void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        runPending();
        while (true) {
            Timed due;
            synchronized (this) {
                due = timers.stream().filter(t -> !t.at().isAfter(end))
                        .min(Comparator.comparing(Timed::at).thenComparingLong(Timed::order)).orElse(null);
                if (due != null) timers.remove(due);
            }
            if (due == null) break;
            if (due.at().isAfter(clock.instant())) clock.advance(Duration.between(clock.instant(), due.at()));
            due.task().run();
            runPending();
        }
        if (end.isAfter(clock.instant())) clock.advance(Duration.between(clock.instant(), end));
    }

    public synchronized int pendingTimers() {
        return timers.size();
    }

    private record Timed(Instant at, long order, Runnable task) {
    }
}
