package vn.diemcau.appliance.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.diemcau.hardware.LedPattern;

/**
 * A read-only view of the {@link CallMachine}, safe to read from any thread.
 *
 * @param status          the call status
 * @param designated      the session the hub designated (desired state), if any
 * @param hubReachable    whether the fleet link to the hub is up
 * @param identifyUntil   when the identify blinking ends, if it is on
 * @param lights          the LED pattern shown
 * @param lastTimeToJoin  request → in call, of the last successful join
 * @param muted           whether the room's microphone is muted (only ever during a call)
 */
public record CallSnapshot(CallStatus status, Optional<JoinRequest> designated, boolean hubReachable,
                           Optional<Instant> identifyUntil, LedPattern lights, Optional<Duration> lastTimeToJoin,
                           boolean muted) {
    public CallSnapshot {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(designated, "designated");
        Objects.requireNonNull(identifyUntil, "identifyUntil");
        Objects.requireNonNull(lights, "lights");
        Objects.requireNonNull(lastTimeToJoin, "lastTimeToJoin");
    }
}
