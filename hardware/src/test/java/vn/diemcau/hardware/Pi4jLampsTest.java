package vn.diemcau.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status LEDs on Pi4J's mock outputs. */
class Pi4jLampsTest {

    private final Context context = Pi4J.newContextBuilder().noAutoDetect()
            .add(MockDigitalOutputProvider.newInstance()).build();
    private final FakeScheduler scheduler = new FakeScheduler();

    @AfterEach
    void tearDown() {
        context.shutdown();
    }

    private DigitalState state(String id) {
        return context.registry().get(id, DigitalOutput.class).state();
    }

    @Test
    void outputs_startOffAndDeclareOffAsShutdownState() {
        new Pi4jLamps(context, 5, 6, OptionalInt.of(13));
        for (String id : new String[] {"led-green", "led-red", "led-button"}) {
            DigitalOutput output = context.registry().get(id, DigitalOutput.class);
            assertThat(output.state()).isEqualTo(DigitalState.LOW);
            assertThat(output.config().shutdownState()).isEqualTo(DigitalState.LOW);
        }
    }

    @Test
    void muted_lightsGreenRedAndTheButtonLed() {
        var lights = new SequencedLights(scheduler, new Pi4jLamps(context, 5, 6, OptionalInt.of(13)));
        lights.show(LedPattern.MUTED);
        assertThat(state("led-green")).isEqualTo(DigitalState.HIGH);
        assertThat(state("led-red")).isEqualTo(DigitalState.HIGH);
        assertThat(state("led-button")).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void joining_togglesTheGreenPinEvery125Ms() {
        var lights = new SequencedLights(scheduler, new Pi4jLamps(context, 5, 6, OptionalInt.empty()));
        lights.show(LedPattern.JOINING);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            seen.append(state("led-green") == DigitalState.HIGH ? '1' : '0');
            scheduler.advance(125);
        }
        assertThat(seen).hasToString("10101010");
        assertThat(state("led-red")).isEqualTo(DigitalState.LOW);
    }

    @Test
    void close_leavesOutputsLowAndReleased() {
        var lamps = new Pi4jLamps(context, 5, 6, OptionalInt.of(13));
        var lights = new SequencedLights(scheduler, lamps);
        lights.show(LedPattern.IN_CALL);
        DigitalOutput green = context.registry().get("led-green", DigitalOutput.class);
        assertThat(green.state()).isEqualTo(DigitalState.HIGH);

        lights.close();

        assertThat(green.state()).isEqualTo(DigitalState.LOW);
        assertThat(context.registry().exists("led-green")).isFalse();
        assertThat(context.registry().exists("led-red")).isFalse();
        assertThat(context.registry().exists("led-button")).isFalse();
    }
}
