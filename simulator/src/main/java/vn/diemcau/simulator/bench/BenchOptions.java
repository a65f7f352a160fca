package vn.diemcau.simulator.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import vn.diemcau.simulator.cli.Durations;

/** The benchmark's options (a picocli mixin). */
final class BenchOptions {

    enum TargetKind { MOSQUITTO, HUB, EXTERNAL, COMMAND }

    @Option(names = "--boxes", split = ",", defaultValue = "1000,5000,10000,20000",
            description = "Fleet sizes, one step each (default: ${DEFAULT-VALUE}).")
    List<Integer> boxes;

    @Option(names = "--target", defaultValue = "MOSQUITTO", description = "What to measure: ${COMPLETION-CANDIDATES}. "
            + "MOSQUITTO starts a fresh Mosquitto 2 per step; HUB starts the hub (--hub-classpath) per step with its "
            + "embedded broker, registers the boxes through its API and observes it through the API; "
            + "EXTERNAL measures --pid at --host:--port; "
            + "COMMAND starts --target-command per step ({port} is replaced by a free port).")
    TargetKind target;

    @Option(names = "--host", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", defaultValue = "1883", description = "Broker port for --target EXTERNAL.")
    int port;

    @Option(names = "--pid", description = "Process to measure for --target EXTERNAL.")
    Optional<Long> pid;

    @Option(names = "--target-command", description = "Shell command for --target COMMAND, e.g. 'java -cp ... Main --mqtt-port {port}'.")
    Optional<String> targetCommand;

    @Option(names = "--hub-classpath", description = "Class path of the hub program for --target HUB (simulator/bench.sh sets it).")
    Optional<String> hubClasspath;

    @Option(names = "--hub-jvm", description = "JVM options of the hub for --target HUB, space-separated (default: "
            + "${DEFAULT-VALUE}, the heap of systemd/diemcau-hub.service with room for 20,000 boxes).",
            defaultValue = "-Xms256m -Xmx2g -XX:+ExitOnOutOfMemoryError")
    String hubJvm;

    @Option(names = "--simulator-nice", description = "Niceness of the bulk simulator JVMs (default ${DEFAULT-VALUE}). "
            + "The boxes live on other machines in reality: a positive value keeps the simulated fleet from taking "
            + "CPU time the hub would have on its own server. The probes and the requester are not affected.",
            defaultValue = "0")
    int simulatorNice;

    @Option(names = "--password-pattern", description = "Box password, {id} = box id (for brokers that authenticate).")
    Optional<String> passwordPattern;

    @Option(names = "--hub-user", description = "User name of the benchmark's requester client.")
    Optional<String> hubUser;

    @Option(names = "--hub-password", description = "Password of the benchmark's requester client.")
    Optional<String> hubPassword;

    @Option(names = "--window", defaultValue = "30s", converter = Durations.class,
            description = "Measurement window per step (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--settle", defaultValue = "5s", converter = Durations.class,
            description = "Pause between all-online and the window (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--warmup", defaultValue = "0s", converter = Durations.class,
            description = "Commands at --command-rate for this long before the window, not counted (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--online-timeout", defaultValue = "180s", converter = Durations.class,
            description = "Give up waiting for the fleet to come online after (default: ${DEFAULT-VALUE}).")
    Duration onlineTimeout;

    @Option(names = "--telemetry-interval", defaultValue = "10s", converter = Durations.class)
    Duration telemetryInterval;

    @Option(names = "--keepalive", defaultValue = "30s", converter = Durations.class,
            description = "Keepalive of the bulk boxes (default: ${DEFAULT-VALUE}).")
    Duration keepAlive;

    @Option(names = "--probe-keepalive", defaultValue = "10s", converter = Durations.class,
            description = "Keepalive of the probe boxes that are frozen (default: ${DEFAULT-VALUE}).")
    Duration probeKeepAlive;

    @Option(names = "--command-rate", defaultValue = "50", description = "Commands per second in the window (default: ${DEFAULT-VALUE}).")
    int commandRate;

    @Option(names = "--kill-probes", defaultValue = "10", description = "Probe boxes killed in the window (default: ${DEFAULT-VALUE}).")
    int killProbes;

    @Option(names = "--frozen-probes", defaultValue = "3", description = "Probe boxes frozen in the window (default: ${DEFAULT-VALUE}).")
    int frozenProbes;

    @Option(names = "--connect-rate", defaultValue = "1000", description = "New connections per second in total (default: ${DEFAULT-VALUE}).")
    int connectRate;

    @Option(names = "--per-process", defaultValue = "10000", description = "Boxes per simulator JVM (default: ${DEFAULT-VALUE}).")
    int perProcess;

    @Option(names = "--cores", description = "Cores of the machine for CPU % (default: all the JVM sees).")
    int cores = Runtime.getRuntime().availableProcessors();
}
