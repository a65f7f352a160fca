package vn.diemcau.simulator;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks one at a time, in submission order, on a shared pool: one per box, no thread per box. */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                tasks.clear();
                running = false;
            }
        }
    }

    private void drain() {
        boolean finished = false;
        try {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        finished = true;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.warn("simulated box task failed", e);
                }
            }
        } finally {
            if (!finished) {
                // an Error escaped a task: keep draining on a fresh pool thread, never wedge the box
                boolean more;
                synchronized (this) {
                    more = !tasks.isEmpty();
                    running = more;
                }
                if (more) {
                    try {
                        pool.execute(this::drain);
                    } catch (RejectedExecutionException e) {
                        synchronized (this) {
                            tasks.clear();
                            running = false;
                        }
                    }
                }
            }
        }
    }
}
