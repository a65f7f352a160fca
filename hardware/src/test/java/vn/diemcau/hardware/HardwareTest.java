package vn.diemcau.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public factory end to end with its real threads: the GPIO profiles on Pi4J's mock
 * providers, the USB profile on a file of crafted events, the virtual profile. Only
 * outcomes that do not depend on timing are asserted (long-press thresholds are far away).
 */
@Timeout(30)
class HardwareTest {

    @TempDir
    Path root;

    private final List<Button.Press> presses = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> listenerThread = new AtomicReference<>();

    private void record(Button.Press press) {
        listenerThread.set(Thread.currentThread().getName());
        presses.add(press);
    }

    private HardwareSettings settings(HardwareSettings.Profile profile) {
        return HardwareSettings.defaults().withSystemRoot(root).withTiming(30_000, 20).withProfile(profile);
    }

    @Test
    void virtualProfile_pressesReachListenersOnTheEventThread() {
        try (HardwareKit kit = Hardware.open(settings(HardwareSettings.Profile.VIRTUAL))) {
            VirtualButton button = kit.virtualButton().orElseThrow();
            kit.joinButton().onPress(this::record);

            button.press(Button.Press.LONG);
            button.setDown(true);
            await().until(button::isDown);
            button.setDown(false);

            await().until(() -> presses.size() == 2);
            assertThat(presses).containsExactly(Button.Press.LONG, Button.Press.SHORT);
            assertThat(listenerThread.get()).isEqualTo("diemcau-button-events");
            assertThat(kit.virtualMuteButton()).isPresent();
            kit.lights().show(LedPattern.IN_CALL);
            assertThat(kit.lights().current()).isEqualTo(LedPattern.IN_CALL);
        }
    }

    @Test
    void pi5Profile_onMockGpio_wiresButtonsAndLeavesLedsOffOnClose() {
        Context context = Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
        AtomicReference<Optional<String>> chipAsked = new AtomicReference<>();
        HardwareSettings settings = settings(HardwareSettings.Profile.PI5).withGpioChip("gpiochip4")
                .withPins(HardwareSettings.Pins.RASPBERRY_PI_FULL);

        HardwareKit kit = Hardware.open(settings, chip -> {
            chipAsked.set(chip);
            return context;
        });
        MockDigitalInput join = (MockDigitalInput) context.registry().get("join", DigitalInput.class);
        DigitalOutput green = context.registry().get("led-green", DigitalOutput.class);
        DigitalOutput buttonLed = context.registry().get("led-button", DigitalOutput.class);
        try {
            assertThat(chipAsked.get()).contains("gpiochip4");
            assertThat(kit.muteButton()).isPresent();
            assertThat(kit.virtualButton()).isEmpty();
            assertThat(kit.virtualMuteButton()).isEmpty();
            kit.joinButton().onPress(this::record);

            join.mockState(DigitalState.HIGH);
            await().until(() -> !kit.joinButton().isDown());
            join.mockState(DigitalState.LOW);
            await().until(() -> kit.joinButton().isDown());
            join.mockState(DigitalState.HIGH);
            await().until(() -> presses.size() == 1);
            assertThat(presses).containsExactly(Button.Press.SHORT);
            assertThat(listenerThread.get()).isEqualTo("diemcau-button-events");

            kit.lights().show(LedPattern.IN_CALL);
            assertThat(green.state()).isEqualTo(DigitalState.HIGH);
            assertThat(buttonLed.state()).isEqualTo(DigitalState.HIGH);
        } finally {
            kit.close();
        }
        assertThat(green.state()).isEqualTo(DigitalState.LOW);
        assertThat(buttonLed.state()).isEqualTo(DigitalState.LOW);
        assertThat(context.registry().all()).isEmpty();
        kit.close();
    }

    @Test
    void usbProfile_readsTheConfiguredDevice() throws IOException {
        Path device = root.resolve("event3");
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        int size = InputEvent.nativeRecordSize();
        events.writeBytes(new InputEvent(1, 0, InputEvent.EV_KEY, 0x100, 1).encode(size));
        events.writeBytes(new InputEvent(1, 90_000, InputEvent.EV_KEY, 0x100, 0).encode(size));
        Files.write(device, events.toByteArray());
        var usb = new HardwareSettings.Usb(Optional.of(device), Optional.empty(), HardwareSettings.keyCode("BTN_0"),
                OptionalInt.empty());

        HardwareSettings settings = HardwareSettings.defaults().withSystemRoot(root).withTiming(30_000, 20)
                .withUsb(usb).withProfile(HardwareSettings.Profile.USB);
        try (HardwareKit kit = Hardware.open(settings)) {
            kit.joinButton().onPress(this::record);
            await().atMost(Duration.ofSeconds(10)).until(() -> presses.size() == 1);
            assertThat(presses).containsExactly(Button.Press.SHORT);
            assertThat(kit.board()).contains("(usb)");
        }
    }

    @Test
    void failingGpio_isReportedAsHardwareExceptionNamingTheBoard() {
        HardwareSettings settings = settings(HardwareSettings.Profile.PI4);
        assertThatThrownBy(() -> Hardware.open(settings, chip -> {
            throw new IllegalStateException("libgpiod not loadable");
        })).isInstanceOf(HardwareException.class).hasMessageContaining("(pi4)").hasMessageContaining("libgpiod");
    }

    @Test
    void settings_rejectBadValuesNamingTheField() {
        var defaults = HardwareSettings.defaults();
        assertThatThrownBy(() -> defaults.withTiming(100, 30)).hasMessageContaining("longPressMillis").hasMessageContaining("100");
        assertThatThrownBy(() -> defaults.withTiming(2_000, 900)).hasMessageContaining("debounceMillis");
        assertThatThrownBy(() -> defaults.withProfile(HardwareSettings.Profile.GPIOD)).hasMessageContaining("gpioChip");
        assertThatThrownBy(() -> defaults.withProfile(HardwareSettings.Profile.USB)).hasMessageContaining("usb.device");
        assertThatThrownBy(() -> new HardwareSettings.Pins(17, OptionalInt.of(17), 22, 23, OptionalInt.empty()))
                .hasMessageContaining("muteButton").hasMessageContaining("17");
        assertThatThrownBy(() -> HardwareSettings.Profile.parse("pi6")).hasMessageContaining("pi6");
        assertThat(HardwareSettings.Profile.parse(" Pi5 ")).isEqualTo(HardwareSettings.Profile.PI5);
    }
}
