package vn.diemcau.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GPIO button on Pi4J's mock provider, timed by a fake clock: no sleeps. */
class Pi4jButtonTest {

    private static final int LINE = 17;

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<Button.Press> presses = new CopyOnWriteArrayList<>();
    private Context context;
    private Pi4jButton button;
    private MockDigitalInput pin;

    @BeforeEach
    void setUp() {
        context = Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
    }

    @AfterEach
    void tearDown() {
        if (button != null) {
            button.close();
        }
        context.shutdown();
    }

    private void startButton() {
        button = new Pi4jButton(context, "join", LINE, scheduler, Runnable::run, 30, 2_000);
        pin = (MockDigitalInput) context.registry().get("join", DigitalInput.class);
        button.onPress(presses::add);
    }

    /** Released = HIGH through the pull-up; the mock starts LOW, so release it first. */
    private void startReleased() {
        startButton();
        pin.mockState(DigitalState.HIGH);
        scheduler.advance(100);
    }

    private void level(DigitalState state) {
        pin.mockState(state);
        scheduler.runDue();
    }

    @Test
    void press_releasedBeforeThreshold_isShort() {
        startReleased();
        level(DigitalState.LOW);
        scheduler.advance(30);
        assertThat(button.isDown()).isTrue();
        scheduler.advance(400);
        level(DigitalState.HIGH);
        scheduler.advance(30);

        assertThat(presses).containsExactly(Button.Press.SHORT);
        assertThat(button.isDown()).isFalse();
    }

    @Test
    void press_heldTwoSeconds_firesLongWhileHeldAndNothingOnRelease() {
        startReleased();
        level(DigitalState.LOW);
        scheduler.advance(30);
        scheduler.advance(1_999);
        assertThat(presses).isEmpty();
        scheduler.advance(1);
        assertThat(presses).containsExactly(Button.Press.LONG);

        scheduler.advance(3_000);
        level(DigitalState.HIGH);
        scheduler.advance(30);
        assertThat(presses).containsExactly(Button.Press.LONG);
    }

    @Test
    void press_withContactBounce_countsOnce() {
        startReleased();
        for (int i = 0; i < 5; i++) {
            level(DigitalState.LOW);
            scheduler.advance(2);
            level(DigitalState.HIGH);
            scheduler.advance(3);
        }
        level(DigitalState.LOW);
        scheduler.advance(200);
        for (int i = 0; i < 4; i++) {
            level(DigitalState.HIGH);
            scheduler.advance(1);
            level(DigitalState.LOW);
            scheduler.advance(4);
        }
        level(DigitalState.HIGH);
        scheduler.advance(100);

        assertThat(presses).containsExactly(Button.Press.SHORT);
    }

    @Test
    void glitch_shorterThanDebounce_isIgnored() {
        startReleased();
        level(DigitalState.LOW);
        scheduler.advance(10);
        level(DigitalState.HIGH);
        scheduler.advance(5_000);

        assertThat(presses).isEmpty();
        assertThat(button.isDown()).isFalse();
    }

    @Test
    void button_heldAtStart_isIgnoredUntilReleased() {
        startButton();
        assertThat(button.isDown()).isTrue();
        scheduler.advance(5_000);
        level(DigitalState.HIGH);
        scheduler.advance(30);
        assertThat(presses).isEmpty();

        level(DigitalState.LOW);
        scheduler.advance(100);
        level(DigitalState.HIGH);
        scheduler.advance(30);
        assertThat(presses).containsExactly(Button.Press.SHORT);
    }

    @Test
    void listeners_runOnTheGivenExecutor_notOnTheCallingThread() {
        List<Runnable> handedOver = new CopyOnWriteArrayList<>();
        button = new Pi4jButton(context, "join", LINE, scheduler, handedOver::add, 30, 2_000);
        pin = (MockDigitalInput) context.registry().get("join", DigitalInput.class);
        button.onPress(presses::add);
        pin.mockState(DigitalState.HIGH);
        scheduler.advance(100);
        level(DigitalState.LOW);
        scheduler.advance(100);
        level(DigitalState.HIGH);
        scheduler.advance(100);

        assertThat(presses).isEmpty();
        assertThat(handedOver).hasSize(1);
        handedOver.getFirst().run();
        assertThat(presses).containsExactly(Button.Press.SHORT);
    }

    @Test
    void close_releasesTheInputAndIgnoresLaterEdges() {
        startReleased();
        level(DigitalState.LOW);
        button.close();
        scheduler.advance(5_000);

        assertThat(presses).isEmpty();
        assertThat(context.registry().exists("join")).isFalse();
        button.close();
    }
}
