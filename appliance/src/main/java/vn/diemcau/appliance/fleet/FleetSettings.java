package vn.diemcau.appliance.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import vn.diemcau.appliance.config.HubSettings;
import vn.diemcau.protocol.DeviceId;

/**
 * What the fleet agent needs to know about this box.
 *
 * @param box               the box id (MQTT client id and user name)
 * @param hub               broker connection
 * @param telemetryInterval telemetry period
 * @param stateDir          where the event journal, command log and desired-state version live
 * @param journalMaxEvents  event journal bound
 * @param softwareVersion   for the birth message
 * @param hardwareModel     for the birth message, e.g. "Raspberry Pi 5 Model B Rev 1.0"
 * @param capabilities      for the birth message, e.g. {@code camera}, {@code join-button}
 */
public record FleetSettings(DeviceId box, HubSettings hub, Duration telemetryInterval, Path stateDir,
                            int journalMaxEvents, String softwareVersion, String hardwareModel,
                            Set<String> capabilities) {
    public FleetSettings {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(telemetryInterval, "telemetryInterval");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(hardwareModel, "hardwareModel");
        capabilities = Set.copyOf(capabilities);
    }
}
