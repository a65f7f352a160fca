package vn.diemcau.simulator.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.diemcau.simulator.BoxIdentities;
import vn.diemcau.simulator.BoxIdentity;
import vn.diemcau.simulator.BrokerSettings;
import vn.diemcau.simulator.Simulator;
import vn.diemcau.simulator.SimulatorSettings;

/** {@code diemcau-simulator}: runs N simulated boxes against an MQTT 5 broker until stopped or for a set time. */
@Command(name = "diemcau-simulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs N protocol-correct simulated diemcau boxes against an MQTT 5 broker.")
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Broker host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "1883", description = "Broker port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tls", description = "Connect with TLS.")
    boolean tls;

    @Option(names = "--ca-file", description = "PEM file of CA certificates to trust (with --tls).")
    Optional<Path> caFile;

    @Option(names = "--no-hostname-verification", description = "Do not check the broker's host name (self-signed local certificates).")
    boolean noHostnameVerification;

    @ArgGroup(exclusive = true)
    Boxes boxes = new Boxes();

    static final class Boxes {
        @ArgGroup(exclusive = false)
        Numbered numbered;

        @Option(names = "--credentials", required = true,
                description = "CSV (id,password per line) or JSON ([{\"id\":..,\"password\":..}] or {id: password}) file of boxes.")
        Path credentials;
    }

    static final class Numbered {
        @Option(names = {"-n", "--count"}, defaultValue = "10", description = "Number of boxes (default: ${DEFAULT-VALUE}).")
        int count = 10;

        @Option(names = "--id-prefix", defaultValue = "sim-", description = "Box id prefix; ids are PREFIX0001... (default: ${DEFAULT-VALUE}).")
        String prefix = "sim-";

        @Option(names = "--first", defaultValue = "1", description = "Number of the first box (default: ${DEFAULT-VALUE}).")
        int first = 1;

        @Option(names = "--password-pattern", description = "Password of every box; {id} is replaced by the box id, e.g. 'pw-{id}'.")
        Optional<String> passwordPattern = Optional.empty();
    }

    @Option(names = "--telemetry-interval", defaultValue = "10s", converter = DurationConverter.class,
            description = "Telemetry period per box (default: ${DEFAULT-VALUE}).")
    Duration telemetryInterval;

    @Option(names = "--keepalive", defaultValue = "30s", converter = DurationConverter.class,
            description = "MQTT keepalive (default: ${DEFAULT-VALUE}).")
    Duration keepAlive;

    @Option(names = "--session-expiry", defaultValue = "1h", converter = DurationConverter.class,
            description = "MQTT 5 session expiry (default: ${DEFAULT-VALUE}).")
    Duration sessionExpiry;

    @Option(names = "--clean-start", description = "Start with a clean session.")
    boolean cleanStart;

    @Option(names = "--command-delay", defaultValue = "20ms", converter = DurationConverter.class,
            description = "Time between ACCEPTED and SUCCEEDED (default: ${DEFAULT-VALUE}).")
    Duration commandDelay;

    @Option(names = "--connect-rate", defaultValue = "500", description = "New connections per second (default: ${DEFAULT-VALUE}).")
    int connectRate;

    @Option(names = "--fault", paramLabel = "FAULT=COUNT|FAULT=ID[,ID]",
            description = "Misbehaving boxes: silent, offline, frozen, malformed_telemetry, high_temperature, camera_missing. "
                    + "A COUNT takes the last boxes without a fault. Repeatable.")
    List<String> faults = List.of();

    @Option(names = "--state-dir", description = "Keep event sequence numbers here between runs.")
    Optional<Path> stateDir;

    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long (default: run until killed).")
    Optional<Duration> duration;

    @Option(names = "--stats-every", defaultValue = "10s", converter = DurationConverter.class,
            description = "Print a stats line this often (default: ${DEFAULT-VALUE}).")
    Duration statsEvery;

    @Option(names = "--control-stdin", description = "Read control lines from standard input: kill ID, stop ID, start ID, inject ID FAULT, clear ID FAULT, stats.")
    boolean controlStdin;

    public static void main(String[] args) {
        Cli.useOwnLogConfig();
        System.exit(Cli.commandLine(new SimulatorCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        List<BoxIdentity> identities = boxes.credentials != null
                ? BoxIdentities.fromFile(boxes.credentials)
                : numbered(boxes.numbered == null ? new Numbered() : boxes.numbered);
        BrokerSettings broker = new BrokerSettings(host, port, tls, caFile, !noHostnameVerification);
        SimulatorSettings.Builder settings = SimulatorSettings.builder(broker, identities)
                .telemetryInterval(telemetryInterval).keepAlive(keepAlive).sessionExpiry(sessionExpiry)
                .cleanStart(cleanStart).commandDelay(commandDelay).connectRate(connectRate)
                .faults(FaultSpec.assign(faults, identities));
        stateDir.ifPresent(settings::stateDir);

        CountDownLatch done = new CountDownLatch(1);
        Simulator simulator = Simulator.start(settings.build());
        Thread hook = new Thread(() -> {
            simulator.close();
            done.countDown();
        }, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (controlStdin) {
            Thread control = new Thread(new ControlLoop(simulator,
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out),
                    "sim-control");
            control.setDaemon(true);
            control.start();
        }
        long deadline = duration.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        while (System.nanoTime() < deadline) {
            long wait = Math.min(statsEvery.toNanos(), deadline - System.nanoTime());
            if (done.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
                return 0;
            }
            System.out.println("stats " + simulator.stats());
            System.out.flush();
        }
        simulator.close();
        Runtime.getRuntime().removeShutdownHook(hook);
        return 0;
    }

    private static List<BoxIdentity> numbered(Numbered n) {
        return BoxIdentities.numbered(n.prefix, n.first, n.count, n.passwordPattern);
    }
}
