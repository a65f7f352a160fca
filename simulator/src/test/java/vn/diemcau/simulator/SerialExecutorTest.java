package vn.diemcau.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    /** Pool threads swallow what escapes a task, as a daemon pool's default handler would only print it. */
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "serial-test");
        t.setUncaughtExceptionHandler((thread, e) -> { });
        return t;
    });
    private final SerialExecutor serial = new SerialExecutor(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void execute_onASharedPool_runsTasksOneAtATimeInOrder() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            serial.execute(() -> seen.add(n));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 1_000);
        assertThat(seen).isSorted();
    }

    @Test
    void execute_afterFailingTasks_keepsRunningTheQueue() {
        List<String> seen = new CopyOnWriteArrayList<>();
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(() -> {
            throw new NoClassDefFoundError("an Error, as when class files vanish under a running JVM");
        });
        serial.execute(() -> seen.add("after"));
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("after"));
    }
}
