package vn.diemcau.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.simulator.bench.MosquittoProcess;

/** Simulated boxes over TLS to a real Mosquitto 2, trusting its self-signed certificate from a PEM file. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SimulatorTlsIT {

    @Test
    void boxes_withCaFile_connectOverTls(@TempDir Path dir) {
        try (MosquittoProcess broker = MosquittoProcess.startWithTls(dir)) {
            MosquittoProcess.Tls tls = broker.tls().orElseThrow();
            try (Simulator simulator = Simulator.start(SimulatorSettings.builder(
                    BrokerSettings.tls("127.0.0.1", tls.port(), tls.caFile()),
                    BoxIdentities.numbered("tls-", 3, Optional.empty())).build())) {
                await().atMost(Duration.ofSeconds(40)).until(() -> simulator.connectedCount() == 3);
                assertThat(simulator.stats().connectFailures()).isZero();
            }
        }
    }
}
