package vn.diemcau.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.hub.registry.HardwareKind;
import vn.diemcau.hub.registry.NewBox;
import vn.diemcau.hub.testing.TestHub;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.simulator.BoxIdentity;
import vn.diemcau.simulator.BrokerSettings;
import vn.diemcau.simulator.Simulator;
import vn.diemcau.simulator.SimulatorSettings;

/**
 * Regression for the fleet-scale stall: a burst of boxes connecting at once (each publishing a
 * retained QoS 1 birth status and a retained QoS 1 reported state) must all be ingested by the
 * hub over its embedded broker; before the fix the hub's QoS 1 intake stopped at ~700 of 1,000.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FleetIntakeIT {
  private static final int BOXES = 1_000;

  @TempDir Path tmp;

  @Test
  void connectBurst_everyQos1StatusAndReportedStateIsIngested() throws Exception {
    try (TestHub hub = TestHub.embedded(tmp, Map.of())) {
      List<BoxIdentity> boxes = new ArrayList<>();
      for (int i = 0; i < BOXES; i++) {
        String id = "xa-burst-%04d".formatted(i);
        String pw = hub.hub.services().registry()
            .register(new NewBox(id, "Burst " + i, "An Phú", "", HardwareKind.PI5)).password();
        boxes.add(BoxIdentity.of(id, pw));
      }
      SimulatorSettings settings = SimulatorSettings.builder(BrokerSettings.tcp("127.0.0.1", hub.brokerPort), boxes)
          .telemetryInterval(Duration.ofSeconds(5)).connectRate(2_000).build();
      HubMetrics m = hub.hub.services().metrics();
      try (Simulator sim = Simulator.start(settings)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> sim.connectedCount() == BOXES);
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
          assertThat(m.count("diemcau_mqtt_messages_in_total", "status")).as("statuses ingested (broker dropped %s), %s", dropped(m), sim.stats())
              .isGreaterThanOrEqualTo(BOXES);
          assertThat(m.count("diemcau_mqtt_messages_in_total", "reported")).as("reported states ingested")
              .isGreaterThanOrEqualTo(BOXES);
          assertThat(hub.hub.services().presence().online()).as("boxes online at the hub").isEqualTo(BOXES);
        });
        assertThat(dropped(m)).as("messages the broker dropped").isEqualTo("0");

        // After the burst the QoS 1 path still flows: a killed box's Last Will reaches the hub.
        sim.kill(DeviceId.of("xa-burst-0007"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
            hub.hub.services().presence().get("xa-burst-0007").state().name()).isEqualTo("OFFLINE"));
      }
    }
  }

  private static String dropped(HubMetrics m) {
    return m.scrape().lines().filter(l -> l.startsWith("diemcau_broker_messages_dropped ")).findFirst()
        .orElse("diemcau_broker_messages_dropped ?").substring("diemcau_broker_messages_dropped ".length());
  }
}
