package vn.diemcau.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.util.Optional;
import vn.diemcau.protocol.CallState;
import vn.diemcau.protocol.ConferenceView;

class CallModelTest {
    private final CallModel call = new CallModel();

    @Test
    void join_whenIdle_goesThroughJoiningToInCall() {
        var steps = call.join("room-1", 900, "command");
        assertThat(steps).extracting(CallModel.Transition::to).containsExactly(CallState.JOINING, CallState.IN_CALL);
        assertThat(steps.getLast().timeToJoinMs()).contains(900L);
        assertThat(call.state()).isEqualTo(CallState.IN_CALL);
        assertThat(call.room()).contains("room-1");
    }

    @Test
    void join_sameRoomTwice_changesNothing() {
        call.join("room-1", 900, "command");
        assertThat(call.join("room-1", 900, "command")).isEmpty();
    }

    @Test
    void join_otherRoom_leavesFirst() {
        call.join("room-1", 900, "command");
        assertThat(call.join("room-2", 700, "command")).extracting(CallModel.Transition::to)
                .containsExactly(CallState.LEAVING, CallState.IDLE, CallState.JOINING, CallState.IN_CALL);
        assertThat(call.room()).contains("room-2");
    }

    @Test
    void leave_whenIdle_changesNothing_elseReturnsToIdle() {
        assertThat(call.leave("command")).isEmpty();
        call.join("room-1", 900, "command");
        assertThat(call.leave("command")).extracting(CallModel.Transition::to)
                .containsExactly(CallState.LEAVING, CallState.IDLE);
        assertThat(call.room()).isEmpty();
        assertThat(call.info().state()).isEqualTo(CallState.IDLE);
    }

    @Test
    void view_isTheJoinsDesignation_elseTheCentre_andGoesWithTheCall() {
        assertThat(call.view()).isEmpty();
        call.join("room-1", Optional.of(ConferenceView.ALL), 900, "command");
        assertThat(call.view()).contains(ConferenceView.ALL);
        call.join("room-2", 900, "command");
        assertThat(call.view()).contains(ConferenceView.CENTRE);
        call.leave("command");
        assertThat(call.view()).isEmpty();
    }
}
