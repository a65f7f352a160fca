package vn.diemcau.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Test support for other modules (shipped in this module's test-jar): the real
 * {@link Hardware#open} wiring for a Raspberry Pi 4, real threads, but GPIO on Pi4J's mock
 * providers, so a test can press the join/mute button at the pin level and read the LEDs.
 * Its users need no Pi4J imports:
 *
 * <pre>{@code
 * try (MockGpio gpio = MockGpio.open(HardwareSettings.defaults().withPins(HardwareSettings.Pins.RASPBERRY_PI_FULL))) {
 *     startAppliance(gpio.kit());
 *     gpio.setJoinDown(true);  gpio.setJoinDown(false);        // a short press (within the long-press time)
 *     await().until(gpio::greenOn);
 * }
 * }</pre>
 *
 * Dependencies for a user module: {@code diemcau-hardware} with {@code <type>test-jar</type>}
 * and {@code pi4j-plugin-mock}, both in test scope.
 */
public final class MockGpio implements AutoCloseable {

    private final Context context;
    private final HardwareKit kit;

    private MockGpio(Context context, HardwareKit kit) {
        this.context = context;
        this.kit = kit;
    }

    /**
     * Opens the kit as profile {@code pi4} on mock GPIO (pins, timing from {@code settings}; the
     * host's /proc and /sys are not read). Buttons start released.
     */
    public static MockGpio open(HardwareSettings settings) {
        Context context = Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
        HardwareSettings pi4 = settings.withGpioChip("gpiochip0").withProfile(HardwareSettings.Profile.PI4)
                .withSystemRoot(Path.of("/nonexistent-diemcau-root"));
        HardwareKit kit = Hardware.open(pi4, chip -> context);
        MockGpio gpio = new MockGpio(context, kit);
        gpio.input("join").mockState(DigitalState.HIGH);
        gpio.mute().ifPresent(m -> m.mockState(DigitalState.HIGH));
        // The mock pins start LOW (= held); wait until the debounced buttons have seen the release.
        gpio.awaitReleased(kit.joinButton());
        kit.muteButton().ifPresent(gpio::awaitReleased);
        return gpio;
    }

    private void awaitReleased(Button button) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (button.isDown()) {
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("mock button did not settle released within 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    public HardwareKit kit() {
        return kit;
    }

    /** Puts the join button's pin LOW (pressed) or HIGH (released), as the real wiring does. */
    public void setJoinDown(boolean down) {
        input("join").mockState(down ? DigitalState.LOW : DigitalState.HIGH);
    }

    /** As {@link #setJoinDown(boolean)} for the mute button; fails if none is configured. */
    public void setMuteDown(boolean down) {
        mute().orElseThrow(() -> new IllegalStateException("no mute button configured (pins.muteButton)"))
                .mockState(down ? DigitalState.LOW : DigitalState.HIGH);
    }

    public boolean greenOn() {
        return on("led-green");
    }

    public boolean redOn() {
        return on("led-red");
    }

    private boolean on(String id) {
        return context.registry().exists(id) && context.registry().get(id, DigitalOutput.class).state() == DigitalState.HIGH;
    }

    private MockDigitalInput input(String id) {
        return (MockDigitalInput) context.registry().get(id, DigitalInput.class);
    }

    private Optional<MockDigitalInput> mute() {
        return context.registry().exists("mute") ? Optional.of(input("mute")) : Optional.empty();
    }

    /** Closes the kit (LEDs off, lines released) and the mock context. */
    @Override
    public void close() {
        kit.close();
    }
}
