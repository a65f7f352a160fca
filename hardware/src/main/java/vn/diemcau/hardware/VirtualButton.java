package vn.diemcau.hardware;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A button without hardware: the local admin page's "virtual button", demos and tests.
 * {@link #press(Press)} delivers a classified press directly; {@link #setDown(boolean)} drives
 * the same press/hold logic as a real button (holding for the long-press time fires LONG
 * while still held). Obtain one from {@link HardwareKit#virtualButton()}.
 */
public final class VirtualButton implements Button {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualButton.class);

    private final String name;
    private final Scheduler scheduler;
    private final Executor listenerExecutor;
    private final AtomicBoolean level = new AtomicBoolean();
    private final PressDetector detector;
    private final List<PressListener> listeners = new CopyOnWriteArrayList<>();

    VirtualButton(String name, Scheduler scheduler, Executor listenerExecutor, long longPressMillis) {
        this.name = name;
        this.scheduler = scheduler;
        this.listenerExecutor = listenerExecutor;
        this.detector = new PressDetector(name, scheduler, listenerExecutor, 0, longPressMillis, level::get);
        detector.start();
    }

    /** Delivers a complete press to the listeners, as if the button had been pressed and released. */
    public void press(Press press) {
        Objects.requireNonNull(press, "press");
        LOG.info("Virtual button {}: {} press", name, press);
        for (PressListener listener : listeners) {
            listenerExecutor.execute(() -> listener.pressed(press));
        }
    }

    /** Pushes ({@code true}) or lets go of ({@code false}) the button; the hold time decides SHORT or LONG. */
    public void setDown(boolean down) {
        if (level.getAndSet(down) != down) {
            scheduler.execute(detector::edge);
        }
    }

    @Override
    public void onPress(PressListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        detector.addListener(listener);
    }

    @Override
    public boolean isDown() {
        return detector.isDown();
    }

    @Override
    public void close() {
        detector.close();
    }
}
