package vn.diemcau.appliance.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import vn.diemcau.hardware.HardwareSettings;

/**
 * Parses the config's {@code hardware} subtree into the hardware module's {@link HardwareSettings};
 * absent keys keep {@link HardwareSettings#defaults()}.
 *
 * <pre>{@code
 * "hardware": {"profile": "auto|pi4|pi5|gpiod|usb|virtual", "gpioChip": "gpiochip0",
 *              "pins": {"joinButton": 17, "muteButton": 27, "greenLed": 22, "redLed": 23, "buttonLed": 24},
 *              "longPressMillis": 2000, "debounceMillis": 30,
 *              "usb": {"device": "/dev/input/by-id/...", "deviceName": "...", "key": "KEY_ENTER", "muteKey": "KEY_M"}}
 * }</pre>
 */
public final class HardwareConfig {

    private HardwareConfig() {
    }

    public static HardwareSettings parse(JsonNode node) {
        try {
            HardwareSettings d = HardwareSettings.defaults();
            HardwareSettings.Profile profile = text(node, "profile").map(HardwareSettings.Profile::parse).orElse(d.profile());
            JsonNode p = node.path("pins");
            HardwareSettings.Pins pins = p.isObject() ? new HardwareSettings.Pins(
                    p.path("joinButton").asInt(d.pins().joinButton()),
                    optInt(p, "muteButton").isPresent() ? optInt(p, "muteButton") : d.pins().muteButton(),
                    p.path("greenLed").asInt(d.pins().greenLed()),
                    p.path("redLed").asInt(d.pins().redLed()),
                    optInt(p, "buttonLed").isPresent() ? optInt(p, "buttonLed") : d.pins().buttonLed()) : d.pins();
            JsonNode u = node.path("usb");
            HardwareSettings.Usb usb = u.isObject() ? new HardwareSettings.Usb(
                    text(u, "device").map(Path::of), text(u, "deviceName"),
                    text(u, "key").map(HardwareSettings::keyCode).orElse(d.usb().keyCode()),
                    text(u, "muteKey").map(k -> OptionalInt.of(HardwareSettings.keyCode(k))).orElse(OptionalInt.empty())) : d.usb();
            return new HardwareSettings(profile, text(node, "gpioChip"), pins,
                    node.path("longPressMillis").asLong(d.longPressMillis()),
                    node.path("debounceMillis").asLong(d.debounceMillis()), usb,
                    text(node, "systemRoot").map(Path::of).orElse(d.systemRoot()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("hardware", e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static OptionalInt optInt(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? OptionalInt.empty() : OptionalInt.of(v.asInt());
    }
}
