package vn.diemcau.hardware;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything {@link Hardware#open(HardwareSettings)} needs, validated on creation.
 *
 * @param profile         which hardware: {@code AUTO} detects a Raspberry Pi from the device tree
 * @param gpioChip        GPIO chip name ({@code gpiochip0}) or label ({@code pinctrl-rp1});
 *                        overrides detection; required for {@code GPIOD}
 * @param pins            GPIO line offsets (BCM numbers on a Raspberry Pi)
 * @param longPressMillis how long a press must be held to count as LONG (fires while held)
 * @param debounceMillis  how long a GPIO level must be stable to count
 * @param usb             the USB button (profile {@code USB}, or {@code AUTO} on a non-Pi box)
 * @param systemRoot      where {@code proc/}, {@code sys/} and {@code dev/} are read: {@code /}
 *                        except in tests
 */
public record HardwareSettings(Profile profile, Optional<String> gpioChip, Pins pins, long longPressMillis,
                               long debounceMillis, Usb usb, Path systemRoot) {

    /** Which hardware to drive. */
    public enum Profile {
        /** Raspberry Pi 4/5 if the device tree says so, else USB if configured, else VIRTUAL. */
        AUTO,
        /** Raspberry Pi 4 (and 3, 400, CM4): header GPIO on gpiochip0 ({@code pinctrl-bcm2711}). */
        PI4,
        /** Raspberry Pi 5 (and 500, CM5): header GPIO on the RP1 chip ({@code pinctrl-rp1}), gpiochip4 or gpiochip0. */
        PI5,
        /** Any board with a GPIO character device Pi4J accepts: chip and offsets from config. */
        GPIOD,
        /** A mini-PC with a USB button or foot switch (Linux input events); LEDs are virtual. */
        USB,
        /** No hardware: a virtual button (local page) and lights that only log. */
        VIRTUAL;

        /** Parses {@code auto|pi4|pi5|gpiod|usb|virtual}, case-insensitive. */
        public static Profile parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hardware profile must be one of auto, pi4, pi5, gpiod, usb, virtual; got '"
                        + text + "'", e);
            }
        }
    }

    /**
     * GPIO line offsets on the chip (BCM GPIO numbers on a Raspberry Pi).
     *
     * @param joinButton to ground, internal pull-up (active-low)
     * @param muteButton optional second button, wired like the join button
     * @param greenLed   through a series resistor to ground (active-high)
     * @param redLed     through a series resistor to ground (active-high)
     * @param buttonLed  optional LED built into an arcade button; mirrors the green LED
     */
    public record Pins(int joinButton, OptionalInt muteButton, int greenLed, int redLed, OptionalInt buttonLed) {

        /**
         * The default Raspberry Pi wiring (module README, {@code wiring.svg}), all on the header's
         * odd-numbered side: join button GPIO17 (pin 11), green LED GPIO5 (pin 29), red LED GPIO6 (pin 31).
         */
        public static final Pins RASPBERRY_PI = new Pins(17, OptionalInt.empty(), 5, 6, OptionalInt.empty());
        /** The default plus a mute button on GPIO27 (pin 13) and an arcade button's LED on GPIO13 (pin 33). */
        public static final Pins RASPBERRY_PI_FULL = new Pins(17, OptionalInt.of(27), 5, 6, OptionalInt.of(13));

        public Pins {
            Objects.requireNonNull(muteButton, "muteButton");
            Objects.requireNonNull(buttonLed, "buttonLed");
            Set<Integer> seen = new HashSet<>();
            check("joinButton", joinButton, seen);
            if (muteButton.isPresent()) {
                check("muteButton", muteButton.getAsInt(), seen);
            }
            check("greenLed", greenLed, seen);
            check("redLed", redLed, seen);
            if (buttonLed.isPresent()) {
                check("buttonLed", buttonLed.getAsInt(), seen);
            }
        }

        private static void check(String field, int line, Set<Integer> seen) {
            if (line < 0 || line > 511) {
                throw new IllegalArgumentException("pins." + field + " must be a GPIO line 0..511, got " + line);
            }
            if (!seen.add(line)) {
                throw new IllegalArgumentException("pins." + field + " uses GPIO line " + line + ", already used by another pin");
            }
        }
    }

    /**
     * The USB button: a device path (e.g. {@code /dev/input/by-id/usb-...-event-kbd}) or a name
     * to look up in {@code /proc/bus/input/devices}, and the key code it sends.
     *
     * @param keyCode     from {@code linux/input-event-codes.h}; see {@link #keyCode(String)}
     * @param muteKeyCode optional second key of the same device, used as mute button
     */
    public record Usb(Optional<Path> device, Optional<String> deviceName, int keyCode, OptionalInt muteKeyCode) {

        /** Nothing configured; key KEY_ENTER. */
        public static final Usb NONE = new Usb(Optional.empty(), Optional.empty(), 28, OptionalInt.empty());

        public Usb {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(deviceName, "deviceName");
            Objects.requireNonNull(muteKeyCode, "muteKeyCode");
            if (deviceName.isPresent() && deviceName.get().isBlank()) {
                throw new IllegalArgumentException("usb.deviceName must not be blank");
            }
            checkKey("usb.keyCode", keyCode);
            if (muteKeyCode.isPresent()) {
                checkKey("usb.muteKeyCode", muteKeyCode.getAsInt());
                if (muteKeyCode.getAsInt() == keyCode) {
                    throw new IllegalArgumentException("usb.muteKeyCode must differ from usb.keyCode, both are " + keyCode);
                }
            }
        }

        /** True when a device path or name is set. */
        public boolean configured() {
            return device.isPresent() || deviceName.isPresent();
        }

        private static void checkKey(String field, int code) {
            if (code < 1 || code > 0x2ff) {
                throw new IllegalArgumentException(field + " must be a key code 1..767, got " + code);
            }
        }
    }

    public HardwareSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(gpioChip, "gpioChip");
        Objects.requireNonNull(pins, "pins");
        Objects.requireNonNull(usb, "usb");
        Objects.requireNonNull(systemRoot, "systemRoot");
        if (gpioChip.isPresent() && !gpioChip.get().matches("[A-Za-z0-9_.@:-]+")) {
            throw new IllegalArgumentException("gpioChip must be a chip name or label such as gpiochip0 or pinctrl-rp1, got '"
                    + gpioChip.get() + "'");
        }
        if (longPressMillis < 300 || longPressMillis > 30_000) {
            throw new IllegalArgumentException("longPressMillis must be 300..30000, got " + longPressMillis);
        }
        if (debounceMillis < 0 || debounceMillis > 500) {
            throw new IllegalArgumentException("debounceMillis must be 0..500, got " + debounceMillis);
        }
        if (profile == Profile.GPIOD && gpioChip.isEmpty()) {
            throw new IllegalArgumentException("profile gpiod needs gpioChip (a chip name such as gpiochip0, or its label)");
        }
        if (profile == Profile.USB && !usb.configured()) {
            throw new IllegalArgumentException("profile usb needs usb.device or usb.deviceName");
        }
    }

    /** Auto-detection, the default Raspberry Pi pins, long press 2 s, debounce 30 ms, no USB button. */
    public static HardwareSettings defaults() {
        return new HardwareSettings(Profile.AUTO, Optional.empty(), Pins.RASPBERRY_PI, 2_000, 30, Usb.NONE, Path.of("/"));
    }

    /** Parses a key name ({@code KEY_ENTER}, {@code KEY_F13}, {@code BTN_0}) or number ({@code 28}, {@code 0x100}). */
    public static int keyCode(String key) {
        return InputKeys.parse(key);
    }

    /** A copy with another profile; set {@code gpioChip} (gpiod) or {@code usb} (usb) first, the copy is validated too. */
    public HardwareSettings withProfile(Profile newProfile) {
        return new HardwareSettings(newProfile, gpioChip, pins, longPressMillis, debounceMillis, usb, systemRoot);
    }

    public HardwareSettings withGpioChip(String chip) {
        return new HardwareSettings(profile, Optional.of(chip), pins, longPressMillis, debounceMillis, usb, systemRoot);
    }

    public HardwareSettings withPins(Pins newPins) {
        return new HardwareSettings(profile, gpioChip, newPins, longPressMillis, debounceMillis, usb, systemRoot);
    }

    public HardwareSettings withTiming(long newLongPressMillis, long newDebounceMillis) {
        return new HardwareSettings(profile, gpioChip, pins, newLongPressMillis, newDebounceMillis, usb, systemRoot);
    }

    public HardwareSettings withUsb(Usb newUsb) {
        return new HardwareSettings(profile, gpioChip, pins, longPressMillis, debounceMillis, newUsb, systemRoot);
    }

    public HardwareSettings withSystemRoot(Path root) {
        return new HardwareSettings(profile, gpioChip, pins, longPressMillis, debounceMillis, usb, root);
    }
}
