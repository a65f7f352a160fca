package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * Retained on {@link Channel#STATUS}. Online with a {@link Birth} when the box connects; offline
 * as the box's Last Will (then {@code at} is the time the box connected, so the hub takes the
 * receive time as the moment it went offline) or when it disconnects cleanly.
 *
 * @param bootId changes on every process start; lets the hub tell a restart from a reconnect
 */
public record Status(
        @JsonProperty(required = true) Presence presence,
        @JsonProperty(required = true) Instant at,
        @JsonProperty(required = true) String bootId,
        Optional<Birth> birth) {
    public Status {
        Check.required(presence, "presence");
        Check.required(at, "at");
        Check.text(bootId, "bootId", 64);
        birth = Check.optional(birth);
        if (presence == Presence.ONLINE && birth.isEmpty()) throw new ProtocolException("birth", "is required when online");
    }

    public static Status online(Instant at, String bootId, Birth birth) {
        return new Status(Presence.ONLINE, at, bootId, Optional.of(birth));
    }

    public static Status offline(Instant at, String bootId) {
        return new Status(Presence.OFFLINE, at, bootId, Optional.empty());
    }
}
