package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * Retained on {@link Channel#REPORTED}: what the box has applied and where it is. {@code view}
 * is which feeds the box plays in its session (absent out of a session, or from an older box).
 */
public record ReportedState(
        @JsonProperty(required = true) long appliedConfigVersion,
        @JsonProperty(required = true) Instant at,
        @JsonProperty(required = true) CallState call,
        Optional<String> room,
        Optional<String> lastError,
        Boolean muted,
        Optional<ConferenceView> view) {
    public ReportedState {
        Check.atLeast(appliedConfigVersion, 0, "appliedConfigVersion");
        Check.required(at, "at");
        Check.required(call, "call");
        room = Check.optional(room);
        room.ifPresent(r -> Check.text(r, "room", 128));
        lastError = Check.optional(lastError);
        lastError.ifPresent(r -> Check.text(r, "lastError", 1000));
        // Added after the first release: boxes that do not send it are not muted.
        if (muted == null) muted = Boolean.FALSE;
        view = Check.optional(view);
    }

    /** A reported state that does not say which feeds the box plays. */
    public ReportedState(long appliedConfigVersion, Instant at, CallState call, Optional<String> room,
                         Optional<String> lastError, Boolean muted) {
        this(appliedConfigVersion, at, call, room, lastError, muted, Optional.empty());
    }
}
