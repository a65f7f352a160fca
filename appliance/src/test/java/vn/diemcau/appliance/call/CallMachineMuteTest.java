package vn.diemcau.appliance.call;

import vn.diemcau.protocol.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.diemcau.hardware.Button;
import vn.diemcau.hardware.LedPattern;

/** The mute button through the call state machine, with a fake clock and a fake conference. */
class CallMachineMuteTest {
    static final JoinRequest ROOM = new JoinRequest(URI.create("http://10.0.0.5:8088/janus"), "1001", "", "Xã An Phú");

    FakeClock clock = new FakeClock(Instant.parse("2026-11-30T03:00:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    FakeConference conference = new FakeConference();
    RecordingLights lights = new RecordingLights();
    List<Boolean> muteEvents = new CopyOnWriteArrayList<>();
    CallMachine machine;

    @BeforeEach
    void setUp() {
        machine = new CallMachine(conference, lights, scheduler, clock,
                new CallPolicy(Duration.ofSeconds(2), Duration.ofSeconds(10), 3, Duration.ofSeconds(30), Duration.ofSeconds(5),
                        Optional.of(ROOM)));
        machine.addMuteListener(muteEvents::add);
        machine.hubReachable(true);
        scheduler.runPending();
    }

    private void inCall() {
        machine.button(Button.Press.SHORT);
        scheduler.runPending();
        conference.listener().joined(Duration.ofMillis(800));
        scheduler.runPending();
        assertThat(machine.snapshot().status()).isInstanceOf(CallStatus.InCall.class);
    }

    @Test
    void toggle_inCall_mutesConference_showsMutedPattern_andToggleAgainUnmutes() {
        inCall();
        machine.toggleMute();
        scheduler.runPending();
        assertThat(conference.calls).endsWith("muted true");
        assertThat(lights.current()).isEqualTo(LedPattern.MUTED);
        assertThat(machine.snapshot().muted()).isTrue();
        assertThat(machine.snapshot().lights()).isEqualTo(LedPattern.MUTED);

        machine.toggleMute();
        scheduler.runPending();
        assertThat(conference.calls).endsWith("muted false");
        assertThat(lights.current()).isEqualTo(LedPattern.IN_CALL);
        assertThat(machine.snapshot().muted()).isFalse();
        assertThat(muteEvents).containsExactly(true, false);
    }

    @Test
    void toggle_whenIdle_isIgnored() {
        machine.toggleMute();
        machine.mute(true);
        scheduler.runPending();
        assertThat(conference.calls).isEmpty();
        assertThat(lights.current()).isEqualTo(LedPattern.IDLE);
        assertThat(machine.snapshot().muted()).isFalse();
        assertThat(muteEvents).isEmpty();
    }

    @Test
    void leavingTheCall_unmutesAtTheEnd_soTheNextCallStartsUnmuted() {
        inCall();
        machine.toggleMute();
        scheduler.runPending();
        machine.button(Button.Press.LONG);
        scheduler.runPending();
        // Still muted while leaving: nothing reaches the room on the way out.
        assertThat(machine.snapshot().muted()).isTrue();
        assertThat(conference.calls).endsWith("muted true", "leave");
        conference.listener().left();
        scheduler.runPending();
        assertThat(machine.snapshot().status()).isInstanceOf(CallStatus.Idle.class);
        assertThat(conference.calls).endsWith("leave", "muted false");
        assertThat(machine.snapshot().muted()).isFalse();
        assertThat(lights.current()).isEqualTo(LedPattern.IDLE);

        inCall();
        assertThat(lights.current()).isEqualTo(LedPattern.IN_CALL);
        assertThat(muteEvents).containsExactly(true, false);
    }

    @Test
    void droppedCall_staysMutedThroughTheRetry_andAGiveUpUnmutes() {
        inCall();
        machine.mute(true);
        scheduler.runPending();
        conference.listener().failed("network down", true);
        scheduler.runPending();
        assertThat(machine.snapshot().status()).isInstanceOf(CallStatus.Retrying.class);
        assertThat(machine.snapshot().muted()).isTrue();
        assertThat(lights.current()).isEqualTo(LedPattern.JOINING);

        scheduler.advance(Duration.ofSeconds(2));
        conference.listener().joined(Duration.ofMillis(700));
        scheduler.runPending();
        assertThat(lights.current()).isEqualTo(LedPattern.MUTED);

        conference.listener().failed("wrong room PIN", false);
        scheduler.runPending();
        assertThat(machine.snapshot().status()).isInstanceOf(CallStatus.Failed.class);
        assertThat(machine.snapshot().muted()).isFalse();
        assertThat(conference.calls).endsWith("muted false");
        assertThat(lights.current()).isEqualTo(LedPattern.ERROR);
    }

    @Test
    void muteWhileJoining_holdsIntoTheCall() {
        machine.button(Button.Press.SHORT);
        scheduler.runPending();
        machine.toggleMute();
        scheduler.runPending();
        assertThat(lights.current()).isEqualTo(LedPattern.JOINING);
        conference.listener().joined(Duration.ofMillis(800));
        scheduler.runPending();
        assertThat(lights.current()).isEqualTo(LedPattern.MUTED);
        assertThat(conference.calls).containsExactly("join 1001", "muted true");
    }

    @Test
    void identify_overridesMutedPattern_thenMutedReturns() {
        inCall();
        machine.mute(true);
        scheduler.runPending();
        machine.identify(Duration.ofSeconds(5));
        scheduler.runPending();
        assertThat(lights.current()).isEqualTo(LedPattern.IDENTIFY);
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(lights.current()).isEqualTo(LedPattern.MUTED);
    }
}
