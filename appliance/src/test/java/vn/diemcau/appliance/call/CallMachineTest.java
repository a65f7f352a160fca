package vn.diemcau.appliance.call;

import vn.diemcau.protocol.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.diemcau.hardware.Button;
import vn.diemcau.hardware.LedPattern;

class CallMachineTest {

    static final JoinRequest ROOM_1 = new JoinRequest(URI.create("http://10.0.0.5:8088/janus"), "1001", "", "Xã An Phú");
    static final JoinRequest ROOM_2 = new JoinRequest(URI.create("http://10.0.0.5:8088/janus"), "1002", "", "Xã An Phú");

    FakeClock clock = new FakeClock(Instant.parse("2026-11-30T03:00:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    FakeConference conference = new FakeConference();
    RecordingLights lights = new RecordingLights();
    List<String> transitions = new ArrayList<>();
    CallMachine machine;

    @BeforeEach
    void setUp() {
        machine = newMachine(Optional.of(ROOM_1), 3);
    }

    CallMachine newMachine(Optional<JoinRequest> defaultSession, int maxAttempts) {
        CallMachine m = new CallMachine(conference, lights, scheduler, clock,
                new CallPolicy(Duration.ofSeconds(2), Duration.ofSeconds(10), maxAttempts, Duration.ofSeconds(30),
                        Duration.ofSeconds(5), defaultSession));
        m.addListener((from, to) -> transitions.add(from.getClass().getSimpleName() + "->" + to.getClass().getSimpleName()));
        m.hubReachable(true);
        scheduler.runPending();
        return m;
    }

    CallStatus status() {
        return machine.snapshot().status();
    }

    @Test
    void shortPress_whenIdle_joinsDefaultSessionAndShowsJoiningThenInCall() {
        machine.button(Button.Press.SHORT);
        scheduler.runPending();
        assertThat(status()).isInstanceOf(CallStatus.Joining.class);
        assertThat(conference.calls).containsExactly("join 1001");
        assertThat(lights.current()).isEqualTo(LedPattern.JOINING);

        clock.advance(Duration.ofMillis(1500));
        conference.listener().joined(Duration.ofMillis(1400));
        scheduler.runPending();

        assertThat(status()).isInstanceOfSatisfying(CallStatus.InCall.class,
                c -> assertThat(c.timeToJoin()).isEqualTo(Duration.ofMillis(1500)));
        assertThat(machine.snapshot().lastTimeToJoin()).contains(Duration.ofMillis(1500));
        assertThat(lights.current()).isEqualTo(LedPattern.IN_CALL);
        assertThat(transitions).containsExactly("Idle->Joining", "Joining->InCall");
    }

    @Test
    void longPress_whenInCall_leavesAndReturnsToIdle() {
        joinRoom1();
        machine.button(Button.Press.LONG);
        scheduler.runPending();
        assertThat(status()).isInstanceOf(CallStatus.Leaving.class);
        assertThat(conference.calls).endsWith("leave");

        conference.listener().left();
        scheduler.runPending();
        assertThat(status()).isInstanceOf(CallStatus.Idle.class);
        assertThat(lights.current()).isEqualTo(LedPattern.IDLE);
    }

    @Test
    void leave_whenConferenceNeverConfirms_isIdleAfterLeaveTimeout() {
        joinRoom1();
        CompletableFuture<Void> left = machine.leave();
        scheduler.advance(Duration.ofSeconds(4));
        assertThat(left).isNotDone();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(left).isCompleted();
        assertThat(status()).isInstanceOf(CallStatus.Idle.class);
    }

    @Test
    void retryableFailure_whileJoining_retriesWithDoublingBackoffThenGivesUp() {
        CompletableFuture<Void> joined = machine.join(ROOM_1);
        scheduler.runPending();
        conference.listener().failed("server unreachable", true);
        scheduler.runPending();
        assertThat(status()).isInstanceOfSatisfying(CallStatus.Retrying.class, r -> {
            assertThat(r.nextAttempt()).isEqualTo(2);
            assertThat(r.retryAt()).isEqualTo(clock.instant().plusSeconds(2));
        });
        assertThat(lights.current()).isEqualTo(LedPattern.JOINING);

        scheduler.advance(Duration.ofSeconds(2));
        assertThat(status()).isInstanceOfSatisfying(CallStatus.Joining.class, j -> assertThat(j.attempt()).isEqualTo(2));
        conference.listener().failed("server unreachable", true);
        scheduler.runPending();
        assertThat(status()).isInstanceOfSatisfying(CallStatus.Retrying.class,
                r -> assertThat(r.retryAt()).isEqualTo(clock.instant().plusSeconds(4)));

        scheduler.advance(Duration.ofSeconds(4));
        conference.listener().failed("server unreachable", true);
        scheduler.runPending();

        assertThat(status()).isInstanceOfSatisfying(CallStatus.Failed.class,
                f -> assertThat(f.reason()).contains("server unreachable").contains("3 attempts"));
        assertThat(lights.current()).isEqualTo(LedPattern.ERROR);
        assertThat(joined).isCompletedExceptionally();
        assertThat(conference.calls).containsExactly("join 1001", "join 1001", "join 1001");
    }

    @Test
    void nonRetryableFailure_goesStraightToFailed_andShortPressTriesAgain() {
        CompletableFuture<Void> joined = machine.join(ROOM_1);
        scheduler.runPending();
        conference.listener().failed("wrong room PIN", false);
        scheduler.runPending();
        assertThat(status()).isInstanceOfSatisfying(CallStatus.Failed.class, f -> assertThat(f.reason()).isEqualTo("wrong room PIN"));
        assertThat(joined).isCompletedExceptionally();

        machine.button(Button.Press.SHORT);
        scheduler.runPending();
        assertThat(status()).isInstanceOf(CallStatus.Joining.class);
    }

    @Test
    void joinTimeout_countsAsRetryableFailure() {
        machine.join(ROOM_1);
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(status()).isInstanceOfSatisfying(CallStatus.Retrying.class, r -> assertThat(r.reason()).contains("timed out"));
        assertThat(conference.calls).containsExactly("join 1001", "leave");
    }

    @Test
    void droppedCall_retriesFromAttemptOne() {
        joinRoom1();
        conference.listener().failed("ICE failed", true);
        scheduler.runPending();
        assertThat(status()).isInstanceOfSatisfying(CallStatus.Retrying.class, r -> assertThat(r.nextAttempt()).isEqualTo(1));
        scheduler.advance(Duration.ofSeconds(2));
        conference.listener().joined(Duration.ofMillis(900));
        scheduler.runPending();
        assertThat(status()).isInstanceOf(CallStatus.InCall.class);
    }

    @Test
    void staleOutcome_ofSupersededAttempt_isIgnored() {
        machine.join(ROOM_1);
        scheduler.runPending();
        ConferenceListener first = conference.listener();
        CompletableFuture<Void> second = machine.join(ROOM_2);
        scheduler.runPending();
        first.joined(Duration.ofMillis(100));
        scheduler.runPending();
        assertThat(status()).isInstanceOfSatisfying(CallStatus.Joining.class, j -> assertThat(j.request()).isEqualTo(ROOM_2));

        conference.listener().joined(Duration.ofMillis(100));
        scheduler.runPending();
        assertThat(second).isCompleted();
        assertThat(status().session()).contains(ROOM_2);
    }

    @Test
    void join_ofCurrentRoomWhileInCall_completesAtOnceWithoutRejoining() {
        joinRoom1();
        CompletableFuture<Void> again = machine.join(ROOM_1);
        scheduler.runPending();
        assertThat(again).isCompleted();
        assertThat(conference.calls).containsExactly("join 1001");
    }

    @Test
    void leave_whileRetrying_cancelsRetryAndIsIdle() {
        CompletableFuture<Void> joined = machine.join(ROOM_1);
        scheduler.runPending();
        conference.listener().failed("server unreachable", true);
        CompletableFuture<Void> left = machine.leave();
        scheduler.runPending();
        assertThat(left).isCompleted();
        assertThat(joined).isCompletedExceptionally();
        assertThat(status()).isInstanceOf(CallStatus.Idle.class);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(status()).isInstanceOf(CallStatus.Idle.class);
    }

    @Test
    void shortPress_withoutAnySession_showsError() {
        machine = newMachine(Optional.empty(), 3);
        machine.button(Button.Press.SHORT);
        scheduler.runPending();
        assertThat(status()).isInstanceOfSatisfying(CallStatus.Failed.class, f -> assertThat(f.reason()).contains("no session"));
        assertThat(conference.calls).isEmpty();
    }

    @Test
    void shortPress_prefersHubDesignatedSession_andIdleShowsSessionReady() {
        machine.designate(Optional.of(ROOM_2));
        scheduler.runPending();
        assertThat(lights.current()).isEqualTo(LedPattern.SESSION_READY);
        machine.button(Button.Press.SHORT);
        scheduler.runPending();
        assertThat(conference.calls).containsExactly("join 1002");
    }

    @Test
    void hubUnreachable_showsOnlyWhenIdle() {
        machine.hubReachable(false);
        scheduler.runPending();
        assertThat(lights.current()).isEqualTo(LedPattern.HUB_UNREACHABLE);
        machine.hubReachable(true);
        joinRoom1();
        machine.hubReachable(false);
        scheduler.runPending();
        assertThat(lights.current()).isEqualTo(LedPattern.IN_CALL);
    }

    @Test
    void identify_blinksForItsDurationThenRestores() {
        machine.identify(Duration.ofSeconds(10));
        scheduler.runPending();
        assertThat(lights.current()).isEqualTo(LedPattern.IDENTIFY);
        scheduler.advance(Duration.ofSeconds(9));
        assertThat(lights.current()).isEqualTo(LedPattern.IDENTIFY);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(lights.current()).isEqualTo(LedPattern.IDLE);
    }

    @Test
    void restartMedia_inCall_restartsConference() {
        joinRoom1();
        CompletableFuture<Void> done = machine.restartMedia();
        scheduler.runPending();
        assertThat(done).isCompleted();
        assertThat(conference.calls).containsExactly("join 1001", "restartMedia");
    }

    private void joinRoom1() {
        machine.join(ROOM_1);
        scheduler.runPending();
        conference.listener().joined(Duration.ofMillis(500));
        scheduler.runPending();
        assertThat(status()).isInstanceOf(CallStatus.InCall.class);
    }
}
