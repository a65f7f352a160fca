package vn.diemcau.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds an input device by name in {@code /proc/bus/input/devices}, whose blocks look like
 * <pre>
 * I: Bus=0003 Vendor=0c45 Product=7403 Version=0110
 * N: Name="PCsensor FootSwitch"
 * H: Handlers=kbd event5
 * </pre>
 */
final class InputDevices {

    /** One device block: its name and its {@code eventN} handler, if any. */
    record Device(String name, Optional<String> eventNode) { }

    private InputDevices() {
    }

    static List<Device> parse(String devicesFile) {
        List<Device> devices = new ArrayList<>();
        String name = null;
        Optional<String> event = Optional.empty();
        for (String line : (devicesFile + "\n\n").split("\n", -1)) {
            line = line.strip();
            if (line.isEmpty()) {
                if (name != null) {
                    devices.add(new Device(name, event));
                }
                name = null;
                event = Optional.empty();
            } else if (line.startsWith("N: Name=")) {
                name = line.substring("N: Name=".length()).replaceAll("^\"|\"$", "");
            } else if (line.startsWith("H: Handlers=")) {
                for (String handler : line.substring("H: Handlers=".length()).split("\\s+")) {
                    if (handler.matches("event\\d+")) {
                        event = Optional.of(handler);
                    }
                }
            }
        }
        return devices;
    }

    /**
     * The {@code /dev/input/eventN} of the first device whose name contains {@code nameContains}
     * (case-insensitive), read from {@code systemRoot}/proc/bus/input/devices.
     */
    static Optional<Path> find(Path systemRoot, String nameContains) throws IOException {
        String needle = nameContains.toLowerCase(Locale.ROOT);
        String text = Files.readString(systemRoot.resolve("proc/bus/input/devices"));
        return parse(text).stream()
                .filter(d -> d.name().toLowerCase(Locale.ROOT).contains(needle))
                .flatMap(d -> d.eventNode().stream())
                .findFirst()
                .map(node -> systemRoot.resolve("dev/input").resolve(node));
    }
}
