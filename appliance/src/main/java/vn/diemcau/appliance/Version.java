package vn.diemcau.appliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The software version (from the jar manifest) and the hardware model (device tree / DMI). */
final class Version {

    static final String SOFTWARE = Optional.ofNullable(Appliance.class.getPackage().getImplementationVersion()).orElse("0.1.0-dev");

    private Version() {
    }

    static String hardwareModel() {
        return read(Path.of("/proc/device-tree/model"))
                .or(() -> read(Path.of("/sys/class/dmi/id/product_name")))
                .orElse(System.getProperty("os.arch"));
    }

    private static Optional<String> read(Path p) {
        try {
            String s = new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("\u0000", "").strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
