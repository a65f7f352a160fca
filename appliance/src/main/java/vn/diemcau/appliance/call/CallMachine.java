package vn.diemcau.appliance.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hardware.Button;
import vn.diemcau.hardware.LedPattern;
import vn.diemcau.hardware.StatusLights;

/**
 * The room's call, owned by one thread (the {@link Scheduler}): every input is queued onto it, so
 * no state is shared.
 *
 * <pre>
 *            join / short press                     joined
 *   ┌──────┐ ─────────────────▶ ┌─────────┐ ─────────────────▶ ┌─────────┐
 *   │ IDLE │                    │ JOINING │                    │ IN_CALL │
 *   └──────┘ ◀───┐              └─────────┘ ◀──────┐           └─────────┘
 *      ▲         │ left /          │   │ retry timer│              │  │
 *      │         │ leave timeout   │   │            │  retryable   │  │ leave / long press
 *      │    ┌─────────┐  leave     │   └──▶ ┌──────────┐ ◀────────┘  │
 *      │    │ LEAVING │ ◀──────────┼────────│ RETRYING │  failure    │
 *      │    └─────────┘ ◀──────────┼────────┴──────────┴─────────────┘
 *      │                           │ non-retryable failure or attempts used up
 *      │  leave / long press   ┌────────┐
 *      └───────────────────────│ FAILED │ ── join / short press ──▶ JOINING
 *                              └────────┘
 * </pre>
 *
 * Inputs: {@link #button}, {@link #join}, {@link #leave}, {@link #restartMedia}, {@link #identify},
 * {@link #designate}, {@link #hubReachable}, {@link #toggleMute}/{@link #mute} and the
 * {@link Conference}'s outcomes. Mute only applies while a call is on (shown as
 * {@link LedPattern#MUTED} in the call) and ends with it (see {@link MuteSwitch}). Outputs:
 * conference actions, the {@link StatusLights} pattern, {@link CallListener} transitions.
 * Outcomes of a superseded attempt are ignored (each attempt has a generation number).
 */
public final class CallMachine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallMachine.class);

    private final Conference conference;
    private final StatusLights lights;
    private final Scheduler scheduler;
    private final Clock clock;
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> joinWaiters = new ArrayList<>();
    private final List<CompletableFuture<Void>> leaveWaiters = new ArrayList<>();
    private final MuteSwitch mute;

    private CallPolicy policy;
    private CallStatus status;
    private long generation;
    private Scheduler.Cancellable timer = () -> { };
    private Optional<JoinRequest> designated = Optional.empty();
    private boolean hubReachable;
    private Optional<Instant> identifyUntil = Optional.empty();
    private Optional<Duration> lastTimeToJoin = Optional.empty();
    private volatile CallSnapshot snapshot;

    public CallMachine(Conference conference, StatusLights lights, Scheduler scheduler, Clock clock, CallPolicy policy) {
        this.conference = conference;
        this.lights = lights;
        this.scheduler = scheduler;
        this.clock = clock;
        this.policy = policy;
        this.mute = new MuteSwitch(conference);
        this.status = new CallStatus.Idle(clock.instant());
        this.snapshot = buildSnapshot(LedPattern.OFF);
        scheduler.execute(this::refreshLights);
    }

    public void addListener(CallListener listener) {
        listeners.add(listener);
    }

    /** The latest state; readable from any thread. */
    public CallSnapshot snapshot() {
        return snapshot;
    }

    /** A completed press of the join button: short joins the designated (else default) session, long leaves. */
    public void button(Button.Press press) {
        scheduler.execute(() -> {
            switch (press) {
                case LONG -> onLeave(new CompletableFuture<>());
                case SHORT -> onShortPress();
            }
        });
    }

    /** A press of the mute button (physical or virtual): toggles the microphone's mute while a call is on; ignored otherwise. */
    public void toggleMute() {
        scheduler.execute(() -> {
            if (mute.set(!mute.muted(), status)) {
                refreshLights();
                mute.announce();
            }
        });
    }

    /** Mutes or unmutes the microphone while a call is on (muting with no call is ignored). */
    public void mute(boolean muted) {
        scheduler.execute(() -> {
            if (mute.set(muted, status)) {
                refreshLights();
                mute.announce();
            }
        });
    }

    /** Told (on the machine's thread) every time the microphone is muted or unmuted. */
    public void addMuteListener(java.util.function.Consumer<Boolean> listener) {
        mute.addListener(listener);
    }

    /** Joins {@code request}; completes when in the call, fails when given up, superseded or left. */
    public CompletableFuture<Void> join(JoinRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> onJoin(request, done, clock.instant()));
        return done;
    }

    /** Leaves any call; completes when idle. */
    public CompletableFuture<Void> leave() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> onLeave(done));
        return done;
    }

    /** Rebuilds the media pipelines when joining or in a call; completes once asked. */
    public CompletableFuture<Void> restartMedia() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.execute(() -> {
            if (status instanceof CallStatus.InCall || status instanceof CallStatus.Joining) conference.restartMedia();
            done.complete(null);
        });
        return done;
    }

    /** Blinks the identify pattern for {@code duration}. */
    public void identify(Duration duration) {
        scheduler.execute(() -> {
            Instant until = clock.instant().plus(duration);
            identifyUntil = Optional.of(until);
            scheduler.schedule(() -> {
                if (identifyUntil.filter(u -> !u.isAfter(clock.instant())).isPresent()) identifyUntil = Optional.empty();
                refreshLights();
            }, duration);
            refreshLights();
        });
    }

    /** The session the hub designated (or none): a short press joins it, the LEDs show it is ready. */
    public void designate(Optional<JoinRequest> session) {
        scheduler.execute(() -> {
            designated = session;
            refreshLights();
        });
    }

    /** Whether the fleet link to the hub is up (shown when idle). */
    public void hubReachable(boolean reachable) {
        scheduler.execute(() -> {
            hubReachable = reachable;
            refreshLights();
        });
    }

    /** Replaces the tunables (e.g. after a config change); takes effect for the next attempt. */
    public void policy(CallPolicy updated) {
        scheduler.execute(() -> policy = updated);
    }

    private void onShortPress() {
        switch (status) {
            case CallStatus.Idle i -> shortPressJoin();
            case CallStatus.Failed f -> shortPressJoin();
            case CallStatus.Joining j -> log.info("Short press ignored: already joining");
            case CallStatus.InCall c -> log.info("Short press ignored: already in the call (long press leaves)");
            case CallStatus.Retrying r -> onJoin(r.request(), new CompletableFuture<>(), clock.instant());
            case CallStatus.Leaving l -> log.info("Short press ignored: leaving");
        }
    }

    private void shortPressJoin() {
        Optional<JoinRequest> target = designated.or(policy::defaultSession);
        if (target.isEmpty()) {
            transition(new CallStatus.Failed(Optional.empty(), "no session designated by the hub and no default session configured", clock.instant()));
            return;
        }
        onJoin(target.get(), new CompletableFuture<>(), clock.instant());
    }

    private void onJoin(JoinRequest request, CompletableFuture<Void> done, Instant requestedAt) {
        switch (status) {
            case CallStatus.InCall c when c.request().equals(request) -> {
                done.complete(null);
                return;
            }
            case CallStatus.Joining j when j.request().equals(request) -> {
                joinWaiters.add(done);
                return;
            }
            default -> {
            }
        }
        failAll(joinWaiters, "superseded by a join of room " + request.room());
        failAll(leaveWaiters, "superseded by a join of room " + request.room());
        joinWaiters.add(done);
        startAttempt(request, 1, requestedAt);
    }

    private void startAttempt(JoinRequest request, int attempt, Instant requestedAt) {
        timer.cancel();
        long gen = ++generation;
        transition(new CallStatus.Joining(request, attempt, requestedAt, clock.instant()));
        conference.join(request, new ConferenceOutcomes(gen));
        timer = scheduler.schedule(() -> onFailed(gen, "join timed out after " + policy.joinTimeout().toSeconds() + " s", true),
                policy.joinTimeout());
    }

    private void onJoined(long gen, Duration reported) {
        if (gen != generation || !(status instanceof CallStatus.Joining j)) return;
        timer.cancel();
        Duration ttj = Duration.between(j.requestedAt(), clock.instant());
        lastTimeToJoin = Optional.of(ttj);
        log.info("Joined room {} after {} ms (conference reports {} ms, attempt {})", j.request().room(), ttj.toMillis(), reported.toMillis(), j.attempt());
        transition(new CallStatus.InCall(j.request(), ttj, clock.instant()));
        completeAll(joinWaiters);
    }

    private void onFailed(long gen, String reason, boolean retryable) {
        if (gen != generation) return;
        Instant now = clock.instant();
        switch (status) {
            case CallStatus.Joining j -> {
                timer.cancel();
                if (reason.startsWith("join timed out")) conference.leave();
                if (retryable && j.attempt() < policy.maxAttempts()) {
                    retryLater(j.request(), j.attempt() + 1, reason, j.requestedAt());
                } else {
                    giveUp(j.request(), retryable ? reason + " (gave up after " + j.attempt() + " attempts)" : reason);
                }
            }
            case CallStatus.InCall c -> {
                if (retryable) retryLater(c.request(), 1, reason, now);
                else giveUp(c.request(), reason);
            }
            case CallStatus.Leaving l -> toIdle();
            case CallStatus.Idle i -> {
            }
            case CallStatus.Retrying r -> {
            }
            case CallStatus.Failed f -> {
            }
        }
    }

    private void retryLater(JoinRequest request, int nextAttempt, String reason, Instant requestedAt) {
        Duration delay = policy.retryDelay(nextAttempt);
        CallStatus.Retrying r = new CallStatus.Retrying(request, nextAttempt, reason, requestedAt, clock.instant().plus(delay), clock.instant());
        transition(r);
        timer = scheduler.schedule(() -> {
            if (status == r) startAttempt(r.request(), r.nextAttempt(), r.requestedAt());
        }, delay);
    }

    private void giveUp(JoinRequest request, String reason) {
        transition(new CallStatus.Failed(Optional.of(request), reason, clock.instant()));
        failAll(joinWaiters, reason);
    }

    private void onLeave(CompletableFuture<Void> done) {
        switch (status) {
            case CallStatus.Idle i -> done.complete(null);
            case CallStatus.Failed f -> {
                leaveWaiters.add(done);
                toIdle();
            }
            case CallStatus.Retrying r -> {
                timer.cancel();
                generation++;
                conference.leave();
                leaveWaiters.add(done);
                failAll(joinWaiters, "left");
                toIdle();
            }
            case CallStatus.Joining j -> startLeaving(j.request(), done);
            case CallStatus.InCall c -> startLeaving(c.request(), done);
            case CallStatus.Leaving l -> leaveWaiters.add(done);
        }
    }

    private void startLeaving(JoinRequest request, CompletableFuture<Void> done) {
        timer.cancel();
        leaveWaiters.add(done);
        failAll(joinWaiters, "left");
        long gen = generation;
        transition(new CallStatus.Leaving(request, clock.instant()));
        conference.leave();
        timer = scheduler.schedule(() -> onLeft(gen), policy.leaveTimeout());
    }

    private void onLeft(long gen) {
        if (gen != generation || !(status instanceof CallStatus.Leaving)) return;
        toIdle();
    }

    private void toIdle() {
        timer.cancel();
        transition(new CallStatus.Idle(clock.instant()));
        completeAll(leaveWaiters);
    }

    private void transition(CallStatus to) {
        CallStatus from = status;
        status = to;
        log.info("Call {} -> {}", from.getClass().getSimpleName(), describe(to));
        boolean unmuted = mute.after(to);
        refreshLights();
        if (unmuted) mute.announce();
        for (CallListener l : listeners) {
            try {
                l.changed(from, to);
            } catch (RuntimeException e) {
                log.error("Call listener failed", e);
            }
        }
    }

    private static String describe(CallStatus s) {
        return switch (s) {
            case CallStatus.Idle i -> "Idle";
            case CallStatus.Joining j -> "Joining room " + j.request().room() + " (attempt " + j.attempt() + ")";
            case CallStatus.InCall c -> "InCall room " + c.request().room();
            case CallStatus.Leaving l -> "Leaving room " + l.request().room();
            case CallStatus.Retrying r -> "Retrying room " + r.request().room() + " at " + r.retryAt() + " (" + r.reason() + ")";
            case CallStatus.Failed f -> "Failed (" + f.reason() + ")";
        };
    }

    private void refreshLights() {
        boolean identifying = identifyUntil.filter(u -> u.isAfter(clock.instant())).isPresent();
        LedPattern p = Lights.pattern(status, identifying, hubReachable, designated.isPresent(), mute.muted());
        if (p != snapshot.lights()) lights.show(p);
        snapshot = buildSnapshot(p);
    }

    private CallSnapshot buildSnapshot(LedPattern p) {
        return new CallSnapshot(status, designated, hubReachable, identifyUntil, p, lastTimeToJoin, mute.muted());
    }

    private static void completeAll(List<CompletableFuture<Void>> waiters) {
        List<CompletableFuture<Void>> copy = List.copyOf(waiters);
        waiters.clear();
        copy.forEach(f -> f.complete(null));
    }

    private static void failAll(List<CompletableFuture<Void>> waiters, String reason) {
        List<CompletableFuture<Void>> copy = List.copyOf(waiters);
        waiters.clear();
        copy.forEach(f -> f.completeExceptionally(new CallFailedException(reason)));
    }

    /** Stops timers; the conference and lights are closed by their owner. */
    @Override
    public void close() {
        scheduler.execute(() -> {
            timer.cancel();
            generation++;
        });
    }

    /** Moves the conference's outcomes onto the machine's thread, tagged with the attempt's generation. */
    private final class ConferenceOutcomes implements ConferenceListener {
        private final long gen;

        ConferenceOutcomes(long gen) {
            this.gen = gen;
        }

        @Override
        public void joined(Duration timeToJoin) {
            scheduler.execute(() -> onJoined(gen, timeToJoin));
        }

        @Override
        public void failed(String reason, boolean retryable) {
            scheduler.execute(() -> onFailed(gen, reason, retryable));
        }

        @Override
        public void left() {
            scheduler.execute(() -> onLeft(gen));
        }
    }
}
