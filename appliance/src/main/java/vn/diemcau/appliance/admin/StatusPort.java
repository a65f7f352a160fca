package vn.diemcau.appliance.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the status page shows, read at each refresh. */
public interface StatusPort {

    BoxStatus status();

    /**
     * A snapshot of the box.
     *
     * @param boxId           this box
     * @param displayName     the room's name
     * @param softwareVersion appliance version
     * @param hardware        detected board and buttons
     * @param startedAt       when the program started
     * @param call            call state code: IDLE, JOINING, IN_CALL, LEAVING, RETRYING, ERROR
     * @param callRoom        the room of the current/pending call
     * @param callDetail      e.g. a retry reason
     * @param hubConnected    whether the MQTT link to the hub is up
     * @param hubSince        when it last went up or down
     * @param hubError        the last connection problem
     * @param pendingEvents   events waiting on disk for the hub
     * @param health          latest health reading
     * @param configProblem   why the running config is not the file's content
     * @param view            what the TV plays in the current call: CENTRE (the centre only) or ALL (every room); empty out of a call
     * @param nextSession     the next session the hub scheduled for the room, as the TV says it ("14:00 01/12 — title")
     */
    record BoxStatus(String boxId, String displayName, String softwareVersion, String hardware, Instant startedAt,
                     String call, Optional<String> callRoom, Optional<String> callDetail, boolean hubConnected,
                     Instant hubSince, Optional<String> hubError, int pendingEvents, Optional<Health> health,
                     Optional<String> configProblem, Optional<String> view, Optional<String> nextSession) {
        public BoxStatus {
            Objects.requireNonNull(nextSession, "nextSession");
            Objects.requireNonNull(boxId, "boxId");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(softwareVersion, "softwareVersion");
            Objects.requireNonNull(hardware, "hardware");
            Objects.requireNonNull(startedAt, "startedAt");
            if (!List.of("IDLE", "JOINING", "IN_CALL", "LEAVING", "RETRYING", "ERROR").contains(call)) {
                throw new IllegalArgumentException("unknown call state " + call);
            }
            Objects.requireNonNull(callRoom, "callRoom");
            Objects.requireNonNull(callDetail, "callDetail");
            Objects.requireNonNull(hubSince, "hubSince");
            Objects.requireNonNull(hubError, "hubError");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(configProblem, "configProblem");
            Objects.requireNonNull(view, "view");
            view.filter(v -> !v.equals("CENTRE") && !v.equals("ALL")).ifPresent(v -> {
                throw new IllegalArgumentException("unknown view " + v);
            });
        }
    }

    /**
     * A health reading.
     *
     * @param throttled a Raspberry Pi under-voltage or throttling flag is set now
     */
    record Health(Instant at, double cpuPercent, double load1m, Optional<Double> temperatureC, long memTotalBytes,
                  long memAvailableBytes, long diskTotalBytes, long diskFreeBytes, long uptimeSeconds,
                  boolean throttled) {
        public Health {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(temperatureC, "temperatureC");
        }
    }
}
