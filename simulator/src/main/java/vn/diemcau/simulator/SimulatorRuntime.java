package vn.diemcau.simulator;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import io.reactivex.schedulers.Schedulers;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every box of a run shares: a few Netty event loops for all connections and a small
 * scheduled pool ("sim-worker-N") where box logic, timers and inbound messages run. No thread per box.
 */
final class SimulatorRuntime implements AutoCloseable {
    private final ScheduledThreadPoolExecutor worker;
    private final MqttClientExecutorConfig executorConfig;
    final FleetCounters counters = new FleetCounters();

    SimulatorRuntime(int nettyThreads, int workerThreads) {
        ignoreLateClientErrors();
        this.worker = new ScheduledThreadPoolExecutor(workerThreads, named("sim-worker-"));
        worker.setRemoveOnCancelPolicy(true);
        this.executorConfig = MqttClientExecutorConfig.builder()
                .nettyExecutor(Executors.newThreadPerTaskExecutor(named("sim-netty-")))
                .nettyThreads(nettyThreads)
                .applicationScheduler(Schedulers.from(worker))
                .build();
    }

    /**
     * After {@link #close()}, a client still failing a (re)connect tries to hand the error to the
     * terminated scheduler; RxJava then reports it as "undeliverable" to the thread's uncaught
     * handler, where it would pollute whatever else runs in the JVM (e.g. fail an Awaitility wait
     * in another test). Such late errors concern boxes that no longer exist: log them at debug.
     */
    private static void ignoreLateClientErrors() {
        if (io.reactivex.plugins.RxJavaPlugins.getErrorHandler() == null) {
            io.reactivex.plugins.RxJavaPlugins.setErrorHandler(e -> org.slf4j.LoggerFactory.getLogger(SimulatorRuntime.class)
                    .debug("late MQTT client error after close: {}", e.toString()));
        }
    }

    /** Two event loops and two workers: enough for 10,000 boxes at one message per 10 s each. */
    static SimulatorRuntime standard() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new SimulatorRuntime(Math.max(1, Math.min(4, cores)), Math.max(2, Math.min(4, cores)));
    }

    ScheduledThreadPoolExecutor worker() {
        return worker;
    }

    MqttClientExecutorConfig executorConfig() {
        return executorConfig;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
