package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * Retained on the box's {@link Channel#DESIRED} topic: durable intent that outlives any one
 * command (the device-twin pattern). {@code session} present = "be in this session";
 * {@code config} present = "run with this config"; {@code upcoming} present = "this is the next
 * session scheduled for your room" (for the idle screen; absent = none known). The box applies a
 * version once and reports it in {@link ReportedState}.
 */
public record DesiredState(
        @JsonProperty(required = true) long version,
        @JsonProperty(required = true) Instant at,
        Optional<Command.Join> session,
        Optional<BoxConfig> config,
        Optional<UpcomingSession> upcoming) {
    public DesiredState {
        Check.atLeast(version, 1, "version");
        Check.required(at, "at");
        session = Check.optional(session);
        config = Check.optional(config);
        upcoming = Check.optional(upcoming);
    }

    /** Without an upcoming session. */
    public DesiredState(long version, Instant at, Optional<Command.Join> session, Optional<BoxConfig> config) {
        this(version, at, session, config, Optional.empty());
    }
}
