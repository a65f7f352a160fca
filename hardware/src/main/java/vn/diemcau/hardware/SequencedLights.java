package vn.diemcau.hardware;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StatusLights} that play each {@link LedPattern}'s {@link PatternSteps} on a pair of
 * {@link Lamps}, timed by the hardware {@link Scheduler} (one thread for all blinking).
 *
 * <p>Identify is an overlay: {@link #identify(Duration)} shows {@link LedPattern#IDENTIFY} for
 * the given time; patterns shown meanwhile are remembered and the last one comes back when
 * identify ends.
 */
final class SequencedLights implements StatusLights {

    private static final Logger LOG = LoggerFactory.getLogger(SequencedLights.class);

    private final Scheduler scheduler;
    private final Lamps lamps;

    private LedPattern base = LedPattern.OFF;
    private volatile LedPattern playing;
    private boolean identifying;
    private long generation;
    private boolean closed;
    private Scheduler.Timer stepTimer = Scheduler.Timer.NONE;
    private Scheduler.Timer identifyTimer = Scheduler.Timer.NONE;

    SequencedLights(Scheduler scheduler, Lamps lamps) {
        this.scheduler = scheduler;
        this.lamps = lamps;
        this.playing = LedPattern.OFF;
        lamps.set(false, false);
    }

    @Override
    public synchronized void show(LedPattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        base = pattern;
        refresh();
    }

    @Override
    public LedPattern current() {
        return playing;
    }

    /** The pattern that returns when identify ends (equals {@link #current()} otherwise). */
    synchronized LedPattern underlying() {
        return base;
    }

    @Override
    public synchronized void identify(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("identify duration must be positive, got " + duration);
        }
        if (closed) {
            return;
        }
        LOG.info("Identify for {} s", duration.toSeconds());
        identifyTimer.cancel();
        identifying = true;
        identifyTimer = scheduler.schedule(duration.toMillis(), this::endIdentify);
        refresh();
    }

    private synchronized void endIdentify() {
        identifying = false;
        refresh();
    }

    private void refresh() {
        if (closed) {
            return;
        }
        LedPattern target = identifying ? LedPattern.IDENTIFY : base;
        if (target == playing) {
            return;
        }
        LOG.info("Status lights: {} -> {}", playing, target);
        playing = target;
        stepTimer.cancel();
        generation++;
        play(target, PatternSteps.of(target), 0, generation);
    }

    private void play(LedPattern pattern, List<PatternSteps.Step> steps, int index, long gen) {
        PatternSteps.Step step = steps.get(index);
        lamps.set(step.green(), step.red());
        if (steps.size() > 1) {
            int next = (index + 1) % steps.size();
            stepTimer = scheduler.schedule(step.millis(), () -> advance(pattern, steps, next, gen));
        }
    }

    private synchronized void advance(LedPattern pattern, List<PatternSteps.Step> steps, int index, long gen) {
        if (closed || gen != generation) {
            return;
        }
        play(pattern, steps, index, gen);
    }

    /** Stops blinking and leaves every LED off (the shutdown state). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stepTimer.cancel();
        identifyTimer.cancel();
        playing = LedPattern.OFF;
        lamps.close();
    }
}
