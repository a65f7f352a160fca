package vn.diemcau.hardware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which board the box is and which GPIO chip carries the header pins.
 *
 * <p>The model comes from {@code /proc/device-tree/model} (or
 * {@code /sys/firmware/devicetree/base/model}). The chip is found by its label, never by
 * kernel version: a Raspberry Pi 5's header is the RP1 chip labelled {@code pinctrl-rp1},
 * which is {@code gpiochip4} before kernel 6.6.45 and {@code gpiochip0} from then on. Labels
 * are read from sysfs: {@code /sys/bus/gpio/devices/gpiochipN/label} where the kernel offers
 * it, otherwise the legacy {@code gpio/gpiochipBASE/label} next to the chip under its parent
 * device. Without a label Pi4J's own rule applies (the first chip whose label contains
 * {@code pinctrl}), which picks the same chip on a Pi 4 and a Pi 5.
 */
final class BoardDetector {

    private static final Logger LOG = LoggerFactory.getLogger(BoardDetector.class);

    /** A concrete board kind (what {@code AUTO} resolves to). */
    enum Kind { PI4, PI5, GPIOD, USB, VIRTUAL }

    /** The resolved board: its kind, a line for logs, and the GPIO chip name to use, if any. */
    record Board(Kind kind, String description, Optional<String> gpioChip) { }

    /** A GPIO chip as sysfs shows it. */
    record Chip(String name, Optional<String> label) { }

    private final Path root;

    BoardDetector(Path systemRoot) {
        this.root = systemRoot;
    }

    /** The device-tree model string, e.g. {@code Raspberry Pi 5 Model B Rev 1.0}. */
    Optional<String> model() {
        for (String file : List.of("proc/device-tree/model", "sys/firmware/devicetree/base/model")) {
            Path path = root.resolve(file);
            try {
                if (Files.isReadable(path)) {
                    String model = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).replace("\0", "").strip();
                    if (!model.isEmpty()) {
                        return Optional.of(model);
                    }
                }
            } catch (IOException e) {
                LOG.debug("Cannot read {}: {}", path, e.toString());
            }
        }
        return Optional.empty();
    }

    /** The GPIO chips under {@code /sys/bus/gpio/devices}, by number. */
    List<Chip> chips() {
        Path devices = root.resolve("sys/bus/gpio/devices");
        List<Chip> chips = new ArrayList<>();
        if (!Files.isDirectory(devices)) {
            return chips;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(devices, "gpiochip*")) {
            for (Path chip : stream) {
                chips.add(new Chip(chip.getFileName().toString(), label(chip)));
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", devices, e.toString());
        }
        chips.sort(Comparator.comparingInt(c -> Integer.parseInt(c.name().replaceAll("\\D", "0"))));
        return chips;
    }

    private static Optional<String> label(Path chip) {
        try {
            Path own = chip.resolve("label");
            if (Files.isReadable(own)) {
                return Optional.of(Files.readString(own).strip());
            }
            Path legacy = chip.toRealPath().getParent().resolve("gpio");
            if (Files.isDirectory(legacy)) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(legacy, "gpiochip*")) {
                    for (Path entry : stream) {
                        Path label = entry.resolve("label");
                        if (Files.isReadable(label)) {
                            return Optional.of(Files.readString(label).strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("No label for {}: {}", chip, e.toString());
        }
        return Optional.empty();
    }

    /** The name of the chip with this label, or the name itself if a chip has that name. */
    Optional<String> chipNamed(String nameOrLabel) {
        return chips().stream()
                .filter(c -> c.name().equals(nameOrLabel) || c.label().filter(nameOrLabel::equals).isPresent())
                .map(Chip::name)
                .findFirst();
    }

    Board resolve(HardwareSettings settings) {
        Optional<String> model = model();
        Kind kind = switch (settings.profile()) {
            case AUTO -> autoKind(model, settings);
            case PI4 -> Kind.PI4;
            case PI5 -> Kind.PI5;
            case GPIOD -> Kind.GPIOD;
            case USB -> Kind.USB;
            case VIRTUAL -> Kind.VIRTUAL;
        };
        String what = model.orElse("unknown model") + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
        return switch (kind) {
            case PI4 -> gpioBoard(kind, what, settings, List.of("pinctrl-bcm2711", "pinctrl-bcm2835"));
            case PI5 -> gpioBoard(kind, what, settings, List.of("pinctrl-rp1"));
            case GPIOD -> gpioBoard(kind, what, settings, List.of());
            case USB, VIRTUAL -> new Board(kind, what, Optional.empty());
        };
    }

    private static Kind autoKind(Optional<String> model, HardwareSettings settings) {
        String m = model.orElse("");
        if (m.startsWith("Raspberry Pi 5") || m.startsWith("Raspberry Pi 500") || m.startsWith("Raspberry Pi Compute Module 5")) {
            return Kind.PI5;
        }
        if (m.startsWith("Raspberry Pi")) {
            return Kind.PI4;
        }
        if (settings.usb().configured()) {
            return Kind.USB;
        }
        LOG.warn("No Raspberry Pi detected (model: {}) and no USB button configured: using virtual hardware",
                model.orElse("none"));
        return Kind.VIRTUAL;
    }

    private Board gpioBoard(Kind kind, String what, HardwareSettings settings, List<String> labels) {
        Optional<String> chip;
        if (settings.gpioChip().isPresent()) {
            String wanted = settings.gpioChip().get();
            chip = Optional.of(chipNamed(wanted).orElse(wanted));
        } else {
            chip = labels.stream().flatMap(label -> chipNamed(label).stream()).findFirst();
            if (chip.isEmpty()) {
                LOG.warn("No GPIO chip labelled {} found in sysfs; letting Pi4J pick the first 'pinctrl' chip", labels);
            }
        }
        chip.ifPresent(name -> {
            if (!Files.exists(root.resolve("dev").resolve(name))) {
                LOG.warn("/dev/{} does not exist: is this the right chip, and does the udev rule apply?", name);
            }
        });
        String chipText = chip.map(name -> name + chips().stream().filter(c -> c.name().equals(name))
                .flatMap(c -> c.label().stream()).map(l -> " [" + l + "]").findFirst().orElse(""))
                .orElse("Pi4J's default chip");
        return new Board(kind, what + ", GPIO on " + chipText, chip);
    }
}
