package vn.diemcau.simulator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.diemcau.simulator.BoxIdentity;
import vn.diemcau.simulator.cli.SimulatorCommand;

/**
 * The bulk of a benchmark fleet: simulator command lines in child JVMs of at most
 * {@code perProcess} boxes each (one JVM cannot hold more sockets than its open-file limit).
 */
final class SimulatorProcesses implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    /** Everything a child needs besides its slice of boxes. */
    record Launch(String host, int port, Duration telemetryInterval, Duration keepAlive,
            int connectRate, Duration lifetime, Path logDir, List<String> extraArgs, int nice) {
    }

    SimulatorProcesses(Launch launch, List<BoxIdentity> boxes, int perProcess) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        int children = Math.max(1, (boxes.size() + perProcess - 1) / perProcess);
        for (int child = 0; child < children; child++) {
            List<BoxIdentity> slice = boxes.subList(child * boxes.size() / children, (child + 1) * boxes.size() / children);
            Path credentials = launch.logDir().resolve("boxes-" + child + ".csv");
            writeCsv(credentials, slice);
            List<String> command = new ArrayList<>();
            if (launch.nice() != 0) {
                command.addAll(List.of("nice", "-n", Integer.toString(launch.nice())));
            }
            command.addAll(List.of(java, "-Xmx1g", "-XX:+UseSerialGC",
                    "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                    "-cp", classpath, SimulatorCommand.class.getName(),
                    "--host", launch.host(), "--port", Integer.toString(launch.port()),
                    "--credentials", credentials.toString(),
                    "--telemetry-interval", launch.telemetryInterval().toMillis() + "ms",
                    "--keepalive", launch.keepAlive().toSeconds() + "s",
                    "--connect-rate", Integer.toString(Math.max(1, launch.connectRate() / children)),
                    "--command-delay", "0ms",
                    "--duration", launch.lifetime().toSeconds() + "s",
                    "--stats-every", "15s"));
            command.addAll(launch.extraArgs());
            try {
                processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(launch.logDir().resolve("simulator-" + child + ".log").toFile()).start());
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot start simulator child " + child, e);
            }
        }
    }

    private static void writeCsv(Path file, List<BoxIdentity> boxes) {
        StringBuilder csv = new StringBuilder("id,password\n");
        for (BoxIdentity box : boxes) {
            csv.append(box.id().value()).append(',').append(box.password().orElse("")).append('\n');
        }
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    boolean allAlive() {
        return processes.stream().allMatch(Process::isAlive);
    }

    /** Kills the children at once: the broker of the step is gone, a clean goodbye would only cost time. */
    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
