package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Something that happened on a box, published on {@link Channel#EVENT} at QoS 1. {@link #seq()}
 * is per box, starts at 1, survives restarts and only grows; the box keeps events on disk while
 * the hub is unreachable and sends them in order, so the hub sees each at least once and drops
 * repeats by sequence number.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Event.ButtonPressed.class, name = "button_pressed"),
        @JsonSubTypes.Type(value = Event.CallStateChanged.class, name = "call_state_changed"),
        @JsonSubTypes.Type(value = Event.PeripheralLost.class, name = "peripheral_lost"),
        @JsonSubTypes.Type(value = Event.PeripheralFound.class, name = "peripheral_found"),
        @JsonSubTypes.Type(value = Event.ErrorOccurred.class, name = "error"),
        @JsonSubTypes.Type(value = Event.EventsDropped.class, name = "events_dropped")})
public sealed interface Event {

    long seq();

    Instant at();

    /** The same event with another sequence number (the box numbers events as it journals them). */
    Event withSeq(long seq);

    /** A press of a physical button: {@code "join"} or {@code "mute"}. */
    record ButtonPressed(long seq, Instant at, String button, boolean longPress) implements Event {
        public ButtonPressed {
            checkCommon(seq, at);
            Check.text(button, "button", 32);
        }

        @Override
        public Event withSeq(long seq) {
            return new ButtonPressed(seq, at, button, longPress);
        }
    }

    /** The call moved between states; {@code timeToJoinMs} is set on reaching IN_CALL. */
    record CallStateChanged(long seq, Instant at, CallState from, CallState to, java.util.Optional<String> room,
                            java.util.Optional<String> reason, java.util.Optional<Long> timeToJoinMs) implements Event {
        public CallStateChanged {
            checkCommon(seq, at);
            Check.required(from, "from");
            Check.required(to, "to");
            room = Check.optional(room);
            room.ifPresent(r -> Check.text(r, "room", 128));
            reason = Check.optional(reason);
            reason.ifPresent(r -> Check.text(r, "reason", 500));
            timeToJoinMs = Check.optional(timeToJoinMs);
            timeToJoinMs.ifPresent(t -> Check.atLeast(t, 0, "timeToJoinMs"));
        }

        @Override
        public Event withSeq(long seq) {
            return new CallStateChanged(seq, at, from, to, room, reason, timeToJoinMs);
        }
    }

    /** A camera, microphone or speaker disappeared. */
    record PeripheralLost(long seq, Instant at, Peripheral kind, String name) implements Event {
        public PeripheralLost {
            checkCommon(seq, at);
            Check.required(kind, "kind");
            Check.textOrEmpty(name, "name", 200);
        }

        @Override
        public Event withSeq(long seq) {
            return new PeripheralLost(seq, at, kind, name);
        }
    }

    /** A camera, microphone or speaker appeared. */
    record PeripheralFound(long seq, Instant at, Peripheral kind, String name) implements Event {
        public PeripheralFound {
            checkCommon(seq, at);
            Check.required(kind, "kind");
            Check.textOrEmpty(name, "name", 200);
        }

        @Override
        public Event withSeq(long seq) {
            return new PeripheralFound(seq, at, kind, name);
        }
    }

    /** An error worth the hub's attention; {@code code} is stable, {@code message} is for people. */
    record ErrorOccurred(long seq, Instant at, String code, String message) implements Event {
        public ErrorOccurred {
            checkCommon(seq, at);
            Check.text(code, "code", 64);
            Check.text(message, "message", 1000);
        }

        @Override
        public Event withSeq(long seq) {
            return new ErrorOccurred(seq, at, code, message);
        }
    }

    /** The box's offline queue overflowed and dropped its {@code count} oldest events. */
    record EventsDropped(long seq, Instant at, long count) implements Event {
        public EventsDropped {
            checkCommon(seq, at);
            Check.atLeast(count, 1, "count");
        }

        @Override
        public Event withSeq(long seq) {
            return new EventsDropped(seq, at, count);
        }
    }

    private static void checkCommon(long seq, Instant at) {
        Check.atLeast(seq, 0, "seq");
        Check.required(at, "at");
    }
}
