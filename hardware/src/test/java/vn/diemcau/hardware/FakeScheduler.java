package vn.diemcau.hardware;

import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose clock moves only when a test calls {@link #advance(long)}; due
 * tasks run on the calling thread, in time order (ties in submission order).
 */
final class FakeScheduler implements Scheduler {

    private record Task(long due, long seq, Runnable body, boolean[] cancelled) { }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now = 1_000;
    private long seq;

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    @Override
    public synchronized Timer schedule(long delayMillis, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Task(now + Math.max(0, delayMillis), seq++, task, cancelled));
        return () -> {
            synchronized (FakeScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Runs what is due now (e.g. events handed over from another thread). */
    void runDue() {
        advance(0);
    }

    /** Moves the clock forward, running every task that falls due on the way. */
    void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = Math.max(now, next.due);
                if (next.cancelled[0]) {
                    continue;
                }
            }
            next.body.run();
        }
    }

    synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled[0]).count();
    }
}
