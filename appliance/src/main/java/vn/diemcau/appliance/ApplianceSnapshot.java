package vn.diemcau.appliance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.diemcau.appliance.call.CallSnapshot;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.fleet.FleetSnapshot;
import vn.diemcau.appliance.health.HealthSample;
import vn.diemcau.protocol.UpcomingSession;

/**
 * Everything the local admin page shows, read-only and immutable.
 *
 * @param boxId           this box
 * @param displayName     the room's name
 * @param softwareVersion the appliance version
 * @param hardware        the detected board and buttons, e.g. "Raspberry Pi 5 … GPIO on gpiochip0"
 * @param startedAt       when this process started
 * @param call            the call state machine
 * @param fleet           the hub link and the offline event queue
 * @param health          the latest health reading (taken with each telemetry)
 * @param configProblem   why the running config is not the file's content, if it is not
 * @param upcoming        the next session the hub scheduled for this room, if it said so
 * @param view            what the TV plays in the current call (the session's designation, else the config); empty out of a call
 */
public record ApplianceSnapshot(String boxId, String displayName, String softwareVersion, String hardware,
                                Instant startedAt, CallSnapshot call, FleetSnapshot fleet,
                                Optional<HealthSample> health, Optional<String> configProblem,
                                Optional<UpcomingSession> upcoming, Optional<JoinRequest.View> view) {
    public ApplianceSnapshot {
        Objects.requireNonNull(upcoming, "upcoming");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(configProblem, "configProblem");
        Objects.requireNonNull(view, "view");
    }
}
