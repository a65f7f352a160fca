package vn.diemcau.hardware;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns raw edges of one button into debounced, classified presses; shared by the GPIO, USB
 * and virtual buttons.
 *
 * <p>Debounce: every raw edge (re)starts a settle timer of {@code debounceMillis}; when it fires
 * the detector samples the real level and accepts a change only if the level differs from the
 * debounced one. Contact bounce therefore never produces a press, and an edge the driver may
 * have swallowed is still seen, because the level is sampled rather than inferred.
 *
 * <p>Classification (documented choice: <b>a long press fires while the button is still
 * held</b>): {@link Button.Press#LONG} is emitted the moment the button has been down for
 * {@code longPressMillis}, so the clerk sees the LEDs react and knows to let go; the release
 * that follows emits nothing. A release before the threshold emits {@link Button.Press#SHORT}.
 * A button already down when the detector starts (held at boot, or stuck) produces nothing
 * until it has been released once.
 *
 * <pre>
 *            edge+debounce           longPressMillis elapsed
 *   UP ───────────────────▶ DOWN ─────────────────────────▶ DOWN (long fired) ──release──▶ UP
 *    ▲                        │ release before threshold                                   (nothing)
 *    └──────── SHORT ◀────────┘
 * </pre>
 *
 * <p>Edges arrive on the scheduler thread; listeners run on {@code listenerExecutor}, never on
 * the caller's or the GPIO library's thread.
 */
final class PressDetector {

    private static final Logger LOG = LoggerFactory.getLogger(PressDetector.class);

    private final String name;
    private final Scheduler scheduler;
    private final Executor listenerExecutor;
    private final long debounceMillis;
    private final long longPressMillis;
    private final BooleanSupplier level;
    private final List<Button.PressListener> listeners = new CopyOnWriteArrayList<>();

    private volatile boolean down;
    private boolean armed;
    private boolean longFired;
    private long downSince;
    private boolean closed;
    private Scheduler.Timer settleTimer = Scheduler.Timer.NONE;
    private Scheduler.Timer longTimer = Scheduler.Timer.NONE;

    /**
     * @param level samples the current (raw) level: true while the button is pressed
     */
    PressDetector(String name, Scheduler scheduler, Executor listenerExecutor,
                  long debounceMillis, long longPressMillis, BooleanSupplier level) {
        if (debounceMillis < 0 || longPressMillis <= debounceMillis) {
            throw new IllegalArgumentException("need 0 <= debounce < long press, got debounce "
                    + debounceMillis + " ms, long press " + longPressMillis + " ms");
        }
        this.name = name;
        this.scheduler = scheduler;
        this.listenerExecutor = listenerExecutor;
        this.debounceMillis = debounceMillis;
        this.longPressMillis = longPressMillis;
        this.level = level;
    }

    /** Takes the initial level; a button already held is ignored until released. */
    synchronized void start() {
        down = level.getAsBoolean();
        armed = !down;
        if (down) {
            LOG.warn("Button {} is held down at start; ignored until released", name);
        }
    }

    void addListener(Button.PressListener listener) {
        listeners.add(listener);
    }

    boolean isDown() {
        return down;
    }

    /** A raw edge was seen (either direction); call on the scheduler thread. */
    synchronized void edge() {
        if (closed) {
            return;
        }
        settleTimer.cancel();
        if (debounceMillis == 0) {
            settle();
        } else {
            settleTimer = scheduler.schedule(debounceMillis, this::settle);
        }
    }

    private synchronized void settle() {
        if (closed) {
            return;
        }
        boolean now = level.getAsBoolean();
        if (now == down) {
            return;
        }
        down = now;
        if (now) {
            downSince = scheduler.nowMillis();
            longFired = false;
            if (armed) {
                longTimer = scheduler.schedule(longPressMillis, this::longThresholdPassed);
            }
        } else {
            longTimer.cancel();
            if (armed && !longFired) {
                LOG.debug("Button {} released after {} ms: short press", name, scheduler.nowMillis() - downSince);
                emit(Button.Press.SHORT);
            }
            armed = true;
        }
    }

    private synchronized void longThresholdPassed() {
        if (closed || !down || longFired) {
            return;
        }
        longFired = true;
        emit(Button.Press.LONG);
    }

    private void emit(Button.Press press) {
        LOG.info("Button {}: {} press", name, press);
        for (Button.PressListener listener : listeners) {
            listenerExecutor.execute(() -> {
                try {
                    listener.pressed(press);
                } catch (RuntimeException e) {
                    LOG.error("Press listener of button {} failed", name, e);
                }
            });
        }
    }

    /** Stops timers; later edges are ignored. Idempotent. */
    synchronized void close() {
        closed = true;
        settleTimer.cancel();
        longTimer.cancel();
        down = false;
    }
}
