package vn.diemcau.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Board and chip detection against sysfs/procfs trees shaped like the real ones. */
class BoardDetectorTest {

    @TempDir
    Path root;

    private void model(String model) throws IOException {
        Files.createDirectories(root.resolve("proc/device-tree"));
        Files.writeString(root.resolve("proc/device-tree/model"), model + "\0");
    }

    /** A chip as the kernel lays it out: the gpio device under its parent, the legacy class entry beside it. */
    private void chip(String parent, String name, int base, String label) throws IOException {
        Path device = Files.createDirectories(root.resolve("sys/devices/platform").resolve(parent).resolve(name));
        Path legacy = Files.createDirectories(device.getParent().resolve("gpio/gpiochip" + base));
        Files.writeString(legacy.resolve("label"), label + "\n");
        Path bus = Files.createDirectories(root.resolve("sys/bus/gpio/devices"));
        Files.createSymbolicLink(bus.resolve(name), bus.relativize(device));
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev").resolve(name));
    }

    private HardwareSettings settings() {
        return HardwareSettings.defaults().withSystemRoot(root);
    }

    @Test
    void pi5_beforeKernel6_6_45_usesGpiochip4() throws IOException {
        model("Raspberry Pi 5 Model B Rev 1.0");
        chip("soc/107d508500.gpio", "gpiochip0", 512, "gpio-brcmstb@107d508500");
        chip("soc/107d508520.gpio", "gpiochip1", 544, "gpio-brcmstb@107d508520");
        chip("axi/1000120000.pcie/1f000d0000.gpio", "gpiochip4", 571, "pinctrl-rp1");

        var board = new BoardDetector(root).resolve(settings());

        assertThat(board.kind()).isEqualTo(BoardDetector.Kind.PI5);
        assertThat(board.gpioChip()).contains("gpiochip4");
        assertThat(board.description()).contains("Raspberry Pi 5", "gpiochip4 [pinctrl-rp1]");
    }

    @Test
    void pi5_fromKernel6_6_45_usesGpiochip0() throws IOException {
        model("Raspberry Pi 5 Model B Rev 1.0");
        chip("axi/1000120000.pcie/1f000d0000.gpio", "gpiochip0", 571, "pinctrl-rp1");
        chip("soc/107d508500.gpio", "gpiochip10", 512, "gpio-brcmstb@107d508500");

        assertThat(new BoardDetector(root).resolve(settings()).gpioChip()).contains("gpiochip0");
    }

    @Test
    void pi4_usesTheBcm2711Chip() throws IOException {
        model("Raspberry Pi 4 Model B Rev 1.5");
        chip("soc/fe200000.gpio", "gpiochip0", 512, "pinctrl-bcm2711");
        chip("soc/firmware/gpio", "gpiochip1", 570, "raspberrypi-exp-gpio");

        var board = new BoardDetector(root).resolve(settings());
        assertThat(board.kind()).isEqualTo(BoardDetector.Kind.PI4);
        assertThat(board.gpioChip()).contains("gpiochip0");
    }

    @Test
    void chipLabel_fromTheChipsOwnLabelFile() throws IOException {
        Path chip = Files.createDirectories(root.resolve("sys/bus/gpio/devices/gpiochip2"));
        Files.writeString(chip.resolve("label"), "pinctrl-rp1\n");
        assertThat(new BoardDetector(root).chips())
                .containsExactly(new BoardDetector.Chip("gpiochip2", Optional.of("pinctrl-rp1")));
    }

    @Test
    void override_byLabelOrName_winsOverDetection() throws IOException {
        model("Raspberry Pi 5 Model B Rev 1.0");
        chip("axi/1f000d0000.gpio", "gpiochip4", 571, "pinctrl-rp1");
        chip("soc/107d508500.gpio", "gpiochip0", 512, "gpio-brcmstb@107d508500");

        assertThat(new BoardDetector(root).resolve(settings().withGpioChip("gpio-brcmstb@107d508500")).gpioChip())
                .contains("gpiochip0");
        assertThat(new BoardDetector(root).resolve(settings().withGpioChip("gpiochip7").withProfile(HardwareSettings.Profile.GPIOD)))
                .isEqualTo(new BoardDetector.Board(BoardDetector.Kind.GPIOD,
                        "Raspberry Pi 5 Model B Rev 1.0 (gpiod), GPIO on gpiochip7", Optional.of("gpiochip7")));
    }

    @Test
    void model_fallsBackToTheFirmwareDeviceTree() throws IOException {
        Files.createDirectories(root.resolve("sys/firmware/devicetree/base"));
        Files.writeString(root.resolve("sys/firmware/devicetree/base/model"), "Raspberry Pi Compute Module 4 Rev 1.1\0");
        assertThat(new BoardDetector(root).resolve(settings()).kind()).isEqualTo(BoardDetector.Kind.PI4);
    }

    @Test
    void noPi_isUsbWhenConfiguredElseVirtual() {
        var detector = new BoardDetector(root);
        assertThat(detector.resolve(settings()).kind()).isEqualTo(BoardDetector.Kind.VIRTUAL);
        var usb = new HardwareSettings.Usb(Optional.empty(), Optional.of("FootSwitch"), 183, java.util.OptionalInt.empty());
        assertThat(detector.resolve(settings().withUsb(usb)).kind()).isEqualTo(BoardDetector.Kind.USB);
    }

    @Test
    void explicitProfile_overridesTheModel() throws IOException {
        model("Raspberry Pi 5 Model B Rev 1.0");
        assertThat(new BoardDetector(root).resolve(settings().withProfile(HardwareSettings.Profile.VIRTUAL)).kind())
                .isEqualTo(BoardDetector.Kind.VIRTUAL);
    }
}
