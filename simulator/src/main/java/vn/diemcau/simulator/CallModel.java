package vn.diemcau.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.diemcau.protocol.CallInfo;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.ConferenceView;

/**
 * The simulated call: Join and Leave move it through the appliance's states.
 * <pre>
 *  IDLE --join--> JOINING --> IN_CALL --leave--> LEAVING --> IDLE
 *  IN_CALL --join(other room)--> LEAVING --> IDLE --> JOINING --> IN_CALL
 * </pre>
 * Not thread-safe: the owning box calls it under its lock.
 */
final class CallModel {

    /** One step, which the box reports as a {@code CallStateChanged} event. */
    record Transition(CallState from, CallState to, Optional<String> room, Optional<String> reason,
            Optional<Long> timeToJoinMs) {
    }

    private CallState state = CallState.IDLE;
    private Optional<String> room = Optional.empty();
    private Optional<Long> lastTimeToJoinMs = Optional.empty();
    private Optional<ConferenceView> view = Optional.empty();

    CallState state() {
        return state;
    }

    Optional<String> room() {
        return room;
    }

    /** What the box plays while in a room: the Join's designation, else (like a box's default config) the centre. */
    Optional<ConferenceView> view() {
        return view;
    }

    CallInfo info() {
        return new CallInfo(state, room, lastTimeToJoinMs);
    }

    /** Joins {@code newRoom}; nothing happens if the box is already in that room. */
    List<Transition> join(String newRoom, long timeToJoinMs, String reason) {
        return join(newRoom, Optional.empty(), timeToJoinMs, reason);
    }

    /** Joins {@code newRoom} playing {@code designated} (the centre when empty); nothing happens if already in that room. */
    List<Transition> join(String newRoom, Optional<ConferenceView> designated, long timeToJoinMs, String reason) {
        List<Transition> steps = new ArrayList<>();
        Optional<ConferenceView> playing = Optional.of(designated.orElse(ConferenceView.CENTRE));
        if (state == CallState.IN_CALL && room.equals(Optional.of(newRoom))) {
            return steps;
        }
        if (state != CallState.IDLE) {
            steps.addAll(leave("switching room"));
        }
        steps.add(move(CallState.JOINING, Optional.of(newRoom), Optional.of(reason), Optional.empty()));
        lastTimeToJoinMs = Optional.of(timeToJoinMs);
        steps.add(move(CallState.IN_CALL, Optional.of(newRoom), Optional.empty(), lastTimeToJoinMs));
        view = playing;
        return steps;
    }

    /** Leaves the current room; nothing happens if the box is idle. */
    List<Transition> leave(String reason) {
        List<Transition> steps = new ArrayList<>();
        if (state == CallState.IDLE) {
            return steps;
        }
        Optional<String> left = room;
        steps.add(move(CallState.LEAVING, left, Optional.of(reason), Optional.empty()));
        steps.add(move(CallState.IDLE, left, Optional.empty(), Optional.empty()));
        room = Optional.empty();
        view = Optional.empty();
        return steps;
    }

    private Transition move(CallState to, Optional<String> inRoom, Optional<String> reason, Optional<Long> ttj) {
        Transition t = new Transition(state, to, inRoom, reason, ttj);
        state = to;
        room = inRoom;
        return t;
    }
}
