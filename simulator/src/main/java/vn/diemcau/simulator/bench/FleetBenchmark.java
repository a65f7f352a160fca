package vn.diemcau.simulator.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.diemcau.simulator.BoxIdentities;
import vn.diemcau.simulator.BoxIdentity;
import vn.diemcau.simulator.cli.Cli;

/**
 * The fleet-scale benchmark: for each fleet size, N simulated boxes publish telemetry every 10 s to the
 * target (a fresh Mosquitto, a hub started per step, or a running process), and the program prints the
 * target's CPU and RSS, command round trip p50/p99 and offline detection times. Run it with
 * {@code simulator/bench.sh} (raises the open-file limit first). Not a test: it asserts nothing.
 */
@Command(name = "fleet-benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmarks a broker or hub with N simulated boxes per step.")
public final class FleetBenchmark implements Callable<Integer> {
    static {
        Cli.useOwnLogConfig(); // before the first logger is made
    }

    private static final Logger LOG = LoggerFactory.getLogger(FleetBenchmark.class);

    @Mixin
    BenchOptions options = new BenchOptions();

    @Option(names = "--work-dir", description = "Where configs and logs go (default: a new temp dir).")
    Path workDir;

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new FleetBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("diemcau-bench-");
        System.out.printf(Locale.ROOT, "# fleet benchmark %s, target %s, %d cores, open-file limit %s, work dir %s%n",
                Instant.now(), options.target, options.cores, openFileLimit(), dir);
        List<StepResult> results = new ArrayList<>();
        for (int boxes : options.boxes) {
            Path stepDir = dir.resolve("step-" + boxes);
            Files.createDirectories(stepDir);
            try (TargetProcess target = startTarget(dir, stepDir)) {
                StepResult result = new BenchStep(options, target.target(), boxes, stepDir).run();
                results.add(result);
                System.out.println(StepResult.header());
                System.out.println(result.row());
                System.out.flush();
            } catch (RuntimeException e) {
                LOG.error("step with {} boxes failed: {}", boxes, e.toString());
                System.out.println("| " + boxes + " | failed: " + e.getMessage() + " |");
            }
        }
        System.out.println();
        System.out.println(StepResult.header());
        results.forEach(r -> System.out.println(r.row()));
        return 0;
    }

    /** The measured process of one step; closing stops it if this program started it. */
    private interface TargetProcess extends AutoCloseable {
        BenchStep.Target target();

        @Override
        void close();
    }

    private TargetProcess startTarget(Path workDir, Path dir) throws Exception {
        switch (options.target) {
            case MOSQUITTO -> {
                MosquittoProcess mosquitto = MosquittoProcess.start(dir);
                return process(mqttTarget("127.0.0.1", mosquitto.port(), mosquitto.pid()), mosquitto::close);
            }
            case HUB -> {
                String classpath = options.hubClasspath.orElseThrow(
                        () -> new IllegalArgumentException("--target HUB needs --hub-classpath"));
                HubProcess hub = new HubProcess(classpath, options.hubJvm, workDir, dir);
                return process(new BenchStep.Target("127.0.0.1", hub.mqttPort(), hub.pid(), () -> {
                    try {
                        return new HubApiRequester(hub.api());
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot follow the hub's event stream", e);
                    }
                }, hub::credentials), hub::close);
            }
            case EXTERNAL -> {
                long pid = options.pid.orElseThrow(() -> new IllegalArgumentException("--target EXTERNAL needs --pid"));
                return process(mqttTarget(options.host, options.port, pid), () -> { });
            }
            case COMMAND -> {
                String command = options.targetCommand.orElseThrow(
                        () -> new IllegalArgumentException("--target COMMAND needs --target-command"));
                int port = MosquittoProcess.freePort();
                Process process = new ProcessBuilder("bash", "-c", "exec " + command.replace("{port}", Integer.toString(port)))
                        .redirectErrorStream(true).redirectOutput(dir.resolve("target.log").toFile()).start();
                awaitPort(options.host, port, process);
                return process(mqttTarget(options.host, port, process.pid()), () -> stop(process));
            }
        }
        throw new IllegalStateException("unknown target " + options.target);
    }

    /** A bare broker: a plain MQTT client stands in for the hub; box passwords follow --password-pattern. */
    private BenchStep.Target mqttTarget(String host, int port, long pid) {
        return new BenchStep.Target(host, port, pid,
                () -> new MqttRequester(host, port, options.hubUser, options.hubPassword),
                ids -> ids.stream().map(id -> new BoxIdentity(id,
                        options.passwordPattern.map(p -> p.replace(BoxIdentities.ID_PLACEHOLDER, id.value())))).toList());
    }

    private static TargetProcess process(BenchStep.Target target, Runnable stop) {
        return new TargetProcess() {
            @Override
            public BenchStep.Target target() {
                return target;
            }

            @Override
            public void close() {
                stop.run();
            }
        };
    }

    private static void awaitPort(String host, int port, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        stop(process);
        throw new IllegalStateException("target did not listen on " + host + ":" + port);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return line.substring("Max open files".length()).strip().replaceAll("\\s+", " ");
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
