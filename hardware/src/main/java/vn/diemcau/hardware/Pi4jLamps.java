package vn.diemcau.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Green and red LEDs (and optionally the LED built into an arcade button, which mirrors green)
 * on GPIO lines through Pi4J. Wiring is active-high: pin, series resistor, LED, ground. Every
 * output is created LOW and declares LOW as its shutdown state; {@link #close()} drives it LOW
 * and releases it, and Pi4J's own shutdown applies the same state.
 */
final class Pi4jLamps implements Lamps {

    private static final Logger LOG = LoggerFactory.getLogger(Pi4jLamps.class);

    private final Context context;
    private final DigitalOutput green;
    private final DigitalOutput red;
    private final Optional<DigitalOutput> buttonLed;
    private final AtomicBoolean closed = new AtomicBoolean();

    Pi4jLamps(Context context, int greenLine, int redLine, OptionalInt buttonLedLine) {
        this.context = context;
        this.green = output(context, "led-green", greenLine);
        this.red = output(context, "led-red", redLine);
        this.buttonLed = buttonLedLine.isPresent()
                ? Optional.of(output(context, "led-button", buttonLedLine.getAsInt()))
                : Optional.empty();
        LOG.info("Status LEDs on GPIO lines green {}, red {}{}", greenLine, redLine,
                buttonLedLine.isPresent() ? ", button LED " + buttonLedLine.getAsInt() : "");
    }

    private static DigitalOutput output(Context context, String id, int line) {
        return context.create(DigitalOutputConfigBuilder.newInstance(context)
                .id(id)
                .name("diemcau " + id)
                .address(line)
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW)
                .build());
    }

    @Override
    public void set(boolean greenOn, boolean redOn) {
        if (closed.get()) {
            return;
        }
        green.setState(greenOn);
        red.setState(redOn);
        buttonLed.ifPresent(led -> led.setState(greenOn));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<DigitalOutput> all = new ArrayList<>(List.of(green, red));
        buttonLed.ifPresent(all::add);
        for (DigitalOutput output : all) {
            try {
                output.low();
                context.shutdown(output);
            } catch (RuntimeException e) {
                LOG.warn("Could not switch off GPIO output {}: {}", output.id(), e.toString());
            }
        }
    }
}
