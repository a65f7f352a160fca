package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.diemcau.appliance.media.MediaEngine;

/**
 * {@link MediaPort} over the media package's {@link MediaEngine}. Devices are read from the kernel
 * ({@code /dev/video*} with their names from sysfs, ALSA cards from {@code /proc/asound}) so this
 * package needs no GStreamer. The snapshot and the camera check use {@link MediaEngine#snapshotJpeg()};
 * the microphone level, the test tone and the audio checks wait for the media engine to offer them
 * and report so until then.
 */
public final class MediaEngineAdapter implements MediaPort {
    private static final Pattern CARD = Pattern.compile("\\s*(\\d+)\\s+\\[([^\\]]+)\\]:\\s*(.*)");

    private final Optional<MediaEngine> engine;
    private final Path sysRoot;

    /** @param engine empty when the box runs without media (conference kind {@code none}) */
    public MediaEngineAdapter(Optional<MediaEngine> engine) {
        this(engine, Path.of("/"));
    }

    MediaEngineAdapter(Optional<MediaEngine> engine, Path sysRoot) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.sysRoot = sysRoot;
    }

    @Override
    public List<Device> devices() {
        List<Device> out = new ArrayList<>();
        try (Stream<Path> dev = Files.list(sysRoot.resolve("dev"))) {
            for (Path p : dev.filter(p -> p.getFileName().toString().matches("video[0-9]+")).sorted().toList()) {
                String n = p.getFileName().toString();
                String name = read(sysRoot.resolve("sys/class/video4linux/" + n + "/name")).orElse(n);
                out.add(new Device(DeviceKind.CAMERA, "v4l2:/dev/" + n, clip(name + " (/dev/" + n + ")")));
            }
        } catch (IOException e) {
            // no cameras listed
        }
        for (String line : read(sysRoot.resolve("proc/asound/cards")).map(s -> Arrays.asList(s.split("\n"))).orElse(List.of())) {
            Matcher m = CARD.matcher(line);
            if (!m.matches()) continue;
            String card = m.group(1);
            String label = clip(m.group(3).strip() + " (hw:" + card + ",0)");
            if (Files.exists(sysRoot.resolve("proc/asound/card" + card + "/pcm0c"))) {
                out.add(new Device(DeviceKind.MICROPHONE, "alsa:hw:" + card + ",0", label));
            }
        }
        return out;
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        return media().snapshotJpeg();
    }

    @Override
    public OptionalDouble microphoneLevelDb() {
        throw new BoxConsole.NotAvailable("microphone level: not offered by the media engine yet");
    }

    @Override
    public void playTestTone() {
        throw new BoxConsole.NotAvailable("test tone: not offered by the media engine yet");
    }

    @Override
    public List<CheckResult> selfTest() {
        long t0 = System.nanoTime();
        Optional<byte[]> first = media().snapshotJpeg();
        Optional<byte[]> second = media().snapshotJpeg();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        boolean fresh = first.isPresent() && second.isPresent() && !Arrays.equals(first.get(), second.get());
        String detail = first.isEmpty() || second.isEmpty() ? "no picture from the camera"
                : fresh ? "two pictures, " + first.get().length / 1024 + " KiB and " + second.get().length / 1024 + " KiB, different"
                : "two identical pictures: the camera image is frozen";
        String audio = "not offered by the media engine yet";
        return List.of(new CheckResult(CheckItem.CAMERA_FRAMES, fresh, detail, took),
                new CheckResult(CheckItem.MICROPHONE_LEVEL, false, audio, Duration.ZERO),
                new CheckResult(CheckItem.TONE_HEARD, false, audio, Duration.ZERO));
    }

    private MediaEngine media() {
        return engine.orElseThrow(() -> new BoxConsole.NotAvailable("this box runs without media"));
    }

    private static Optional<String> read(Path p) {
        try {
            return Files.exists(p) ? Optional.of(Files.readString(p).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String clip(String s) {
        return s.length() > 190 ? s.substring(0, 190) : s;
    }
}
