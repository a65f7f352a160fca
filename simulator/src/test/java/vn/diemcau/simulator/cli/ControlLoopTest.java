package vn.diemcau.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.diemcau.simulator.BoxIdentities;
import vn.diemcau.simulator.BrokerSettings;
import vn.diemcau.simulator.Fault;
import vn.diemcau.simulator.Simulator;
import vn.diemcau.simulator.SimulatorSettings;

class ControlLoopTest {
    // No broker listens on port 1: the box keeps retrying to connect, which the control lines do not need.
    private final Simulator simulator = Simulator.start(SimulatorSettings
            .builder(BrokerSettings.tcp("127.0.0.1", 1), BoxIdentities.numbered("sim-", 2, Optional.empty())).build());

    @AfterEach
    void close() {
        simulator.close();
    }

    private String run(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ControlLoop(simulator, new BufferedReader(new StringReader(input)),
                new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void inject_thenClear_changesTheBoxFaults() {
        assertThat(run("inject sim-0002 high-temperature\n")).isEqualTo("ok inject sim-0002 HIGH_TEMPERATURE\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.box("sim-0002").faults().equals(Set.of(Fault.HIGH_TEMPERATURE)));
        assertThat(run("clear sim-0002 HIGH_TEMPERATURE\n")).startsWith("ok clear");
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.box("sim-0002").faults().isEmpty());
    }

    @Test
    void badLines_areAnsweredWithErrorsAndTheLoopGoesOn() {
        String out = run("kill sim-9999\nsnooze sim-0001\ninject sim-0001\n\nstats\n");
        assertThat(out.lines()).hasSize(4);
        assertThat(out.lines().toList().subList(0, 3)).allSatisfy(line -> assertThat(line).startsWith("error: "));
        assertThat(out.lines().toList().get(0)).contains("sim-9999");
        assertThat(out.lines().toList().get(3)).startsWith("ok boxes=2");
    }
}
