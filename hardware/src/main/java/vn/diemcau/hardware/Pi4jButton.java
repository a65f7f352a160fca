package vn.diemcau.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push button on a GPIO line through Pi4J: wired between the pin and ground, internal
 * pull-up, so the line reads LOW while pressed (active-low). Pi4J's listener thread only
 * hands the edge to the hardware scheduler; debounce and short/long classification happen in
 * {@link PressDetector}, listeners run on the hardware layer's event thread.
 */
final class Pi4jButton implements Button {

    private static final Logger LOG = LoggerFactory.getLogger(Pi4jButton.class);
    /** Pi4J's own filter stays shorter than ours, so our settle sample always comes after it. */
    private static final long MAX_LIBRARY_DEBOUNCE_MICROS = 10_000;

    private final Context context;
    private final DigitalInput input;
    private final PressDetector detector;
    private final DigitalStateChangeListener edgeListener;
    private final AtomicBoolean closed = new AtomicBoolean();

    Pi4jButton(Context context, String id, int line, Scheduler scheduler, Executor listenerExecutor,
               long debounceMillis, long longPressMillis) {
        this.context = context;
        this.input = context.create(DigitalInputConfigBuilder.newInstance(context)
                .id(id)
                .name("diemcau " + id + " button")
                .address(line)
                .pull(PullResistance.PULL_UP)
                .debounce(Math.min(debounceMillis * 1_000, MAX_LIBRARY_DEBOUNCE_MICROS))
                .build());
        this.detector = new PressDetector(id, scheduler, listenerExecutor, debounceMillis, longPressMillis,
                () -> input.state() == DigitalState.LOW);
        this.edgeListener = event -> scheduler.execute(detector::edge);
        detector.start();
        input.addListener(edgeListener);
        LOG.info("Button {} on GPIO line {} (pull-up, active-low)", id, line);
    }

    @Override
    public void onPress(PressListener listener) {
        detector.addListener(listener);
    }

    @Override
    public boolean isDown() {
        return detector.isDown();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        input.removeListener(edgeListener);
        detector.close();
        try {
            context.shutdown(input);
        } catch (RuntimeException e) {
            LOG.warn("Could not release GPIO input {}: {}", input.id(), e.toString());
        }
    }
}
