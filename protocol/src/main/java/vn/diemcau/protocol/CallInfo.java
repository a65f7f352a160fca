package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** The box's call as seen in telemetry. */
public record CallInfo(
        @JsonProperty(required = true) CallState state,
        Optional<String> room,
        Optional<Long> lastTimeToJoinMs) {
    public CallInfo {
        Check.required(state, "state");
        room = Check.optional(room);
        room.ifPresent(r -> Check.text(r, "room", 128));
        lastTimeToJoinMs = Check.optional(lastTimeToJoinMs);
        lastTimeToJoinMs.ifPresent(t -> Check.atLeast(t, 0, "lastTimeToJoinMs"));
    }

    public static CallInfo idle() {
        return new CallInfo(CallState.IDLE, Optional.empty(), Optional.empty());
    }
}
