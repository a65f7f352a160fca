package vn.diemcau.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.simulator.BoxIdentities;
import vn.diemcau.simulator.Fault;

class FaultSpecTest {
    private final List<vn.diemcau.simulator.BoxIdentity> boxes = BoxIdentities.numbered("sim-", 5, Optional.empty());

    @Test
    void assign_counts_takeLastBoxesWithoutFault() {
        var faults = FaultSpec.assign(List.of("silent=2", "high-temperature=1"), boxes);
        assertThat(faults).containsEntry(DeviceId.of("sim-0005"), Set.of(Fault.SILENT))
                .containsEntry(DeviceId.of("sim-0004"), Set.of(Fault.SILENT))
                .containsEntry(DeviceId.of("sim-0003"), Set.of(Fault.HIGH_TEMPERATURE))
                .hasSize(3);
    }

    @Test
    void assign_ids_addToNamedBoxes() {
        var faults = FaultSpec.assign(List.of("CAMERA_MISSING=sim-0001,sim-0002", "SILENT=sim-0001"), boxes);
        assertThat(faults.get(DeviceId.of("sim-0001"))).containsExactlyInAnyOrder(Fault.CAMERA_MISSING, Fault.SILENT);
    }

    @Test
    void assign_tooManyOrUnknown_failsNamingTheProblem() {
        assertThatThrownBy(() -> FaultSpec.assign(List.of("silent=6"), boxes)).hasMessageContaining("only 5");
        assertThatThrownBy(() -> FaultSpec.assign(List.of("sleepy=1"), boxes)).hasMessageContaining("sleepy");
    }

    @Test
    void durationConverter_readsShortAndIsoForms() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(converter.convert("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> converter.convert("soon")).hasMessageContaining("soon");
    }
}
