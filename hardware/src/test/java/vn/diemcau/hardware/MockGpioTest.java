package vn.diemcau.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test-jar helper works as its javadoc promises. */
@Timeout(30)
class MockGpioTest {

    @Test
    void pinLevelPresses_reachListeners_andLedsAreReadable() {
        List<Button.Press> join = new CopyOnWriteArrayList<>();
        List<Button.Press> mute = new CopyOnWriteArrayList<>();
        HardwareSettings settings = HardwareSettings.defaults().withPins(HardwareSettings.Pins.RASPBERRY_PI_FULL)
                .withTiming(30_000, 10);
        try (MockGpio gpio = MockGpio.open(settings)) {
            gpio.kit().joinButton().onPress(join::add);
            gpio.kit().muteButton().orElseThrow().onPress(mute::add);

            gpio.setJoinDown(true);
            await().until(() -> gpio.kit().joinButton().isDown());
            gpio.setJoinDown(false);
            gpio.setMuteDown(true);
            await().until(() -> gpio.kit().muteButton().orElseThrow().isDown());
            gpio.setMuteDown(false);
            await().until(() -> join.size() == 1 && mute.size() == 1);

            gpio.kit().lights().show(LedPattern.MUTED);
            assertThat(gpio.greenOn()).isTrue();
            assertThat(gpio.redOn()).isTrue();
            gpio.kit().lights().show(LedPattern.OFF);
            assertThat(gpio.greenOn()).isFalse();
        }
        assertThat(join).containsExactly(Button.Press.SHORT);
        assertThat(mute).containsExactly(Button.Press.SHORT);
    }
}
