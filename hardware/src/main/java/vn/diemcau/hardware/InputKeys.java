package vn.diemcau.hardware;

import java.util.Locale;
import java.util.Map;

/**
 * Key codes from {@code linux/input-event-codes.h} that make sense for a one-button box:
 * what USB foot switches, presenter remotes and big USB buttons send. Any other code can be
 * given as a number.
 */
final class InputKeys {

    private static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("KEY_ENTER", 28), Map.entry("KEY_SPACE", 57), Map.entry("KEY_A", 30),
            Map.entry("KEY_B", 48), Map.entry("KEY_C", 46), Map.entry("KEY_1", 2),
            Map.entry("KEY_F1", 59), Map.entry("KEY_F12", 88),
            Map.entry("KEY_F13", 183), Map.entry("KEY_F14", 184), Map.entry("KEY_F15", 185),
            Map.entry("KEY_F16", 186), Map.entry("KEY_F17", 187), Map.entry("KEY_F18", 188),
            Map.entry("KEY_F19", 189), Map.entry("KEY_F20", 190),
            Map.entry("KEY_PAGEUP", 104), Map.entry("KEY_PAGEDOWN", 109),
            Map.entry("KEY_MUTE", 113), Map.entry("KEY_VOLUMEDOWN", 114), Map.entry("KEY_VOLUMEUP", 115),
            Map.entry("KEY_PLAYPAUSE", 164), Map.entry("KEY_MICMUTE", 248),
            Map.entry("BTN_0", 0x100), Map.entry("BTN_1", 0x101), Map.entry("BTN_2", 0x102),
            Map.entry("BTN_LEFT", 0x110), Map.entry("BTN_TRIGGER", 0x120));

    private InputKeys() {
    }

    /**
     * Parses {@code KEY_ENTER}, {@code BTN_0}, a decimal {@code 28} or a hex {@code 0x100}.
     *
     * @throws IllegalArgumentException naming the value if it is neither known nor a number in 1..767
     */
    static int parse(String key) {
        String name = key.strip().toUpperCase(Locale.ROOT);
        Integer known = CODES.get(name);
        if (known != null) {
            return known;
        }
        try {
            int code = name.startsWith("0X") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name);
            if (code < 1 || code > 0x2ff) {
                throw new IllegalArgumentException("key code must be in 1..767 (KEY_MAX), got " + key);
            }
            return code;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown key '" + key + "': use a name such as KEY_ENTER, KEY_F13, BTN_0 or a number", e);
        }
    }
}
