package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.media.AudioLevel;
import vn.diemcau.appliance.media.AudioSelfTest;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.appliance.media.MediaException;

/**
 * {@link MediaPort} over the media package's {@link MediaEngine}. Devices are read from the kernel
 * ({@code /dev/video*} with their names from sysfs, ALSA capture and playback devices from
 * {@code /proc/asound}) so this package needs no GStreamer; a test-only {@code loopback:} device the
 * engine is configured with is listed too. The snapshot and the camera check use
 * {@link MediaEngine#snapshotJpeg()}; the meter, the tone and the audio checks
 * {@link MediaEngine#microphoneLevel()}, {@link MediaEngine#playTestTone()} and
 * {@link MediaEngine#audioSelfTest()}.
 */
public final class MediaEngineAdapter implements MediaPort {
    private static final Logger log = LoggerFactory.getLogger(MediaEngineAdapter.class);
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
            if (Files.exists(sysRoot.resolve("proc/asound/card" + card + "/pcm0p"))) {
                out.add(new Device(DeviceKind.SPEAKER, "alsa:hw:" + card + ",0", label));
            }
        }
        engine.ifPresent(e -> {
            if (e.settings().audioSource().startsWith("loopback:")) {
                out.add(new Device(DeviceKind.MICROPHONE, e.settings().audioSource(), loopbackLabel(e.settings().audioSource())));
            }
            if (e.settings().audioSink().startsWith("loopback:")) {
                out.add(new Device(DeviceKind.SPEAKER, e.settings().audioSink(), loopbackLabel(e.settings().audioSink())));
            }
        });
        return out;
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        return media().snapshotJpeg();
    }

    private static String loopbackLabel(String id) {
        return "Vòng lặp thử nghiệm / Test loopback (" + id.substring("loopback:".length()) + ")";
    }

    @Override
    public OptionalDouble microphoneLevelDb() {
        MediaEngine m = media();
        try {
            Optional<AudioLevel> level = m.microphoneLevel();
            return level.isPresent() ? OptionalDouble.of(level.get().rmsDb()) : OptionalDouble.empty();
        } catch (MediaException e) {
            log.debug("No microphone level: {}", e.getMessage());
            return OptionalDouble.empty();
        }
    }

    @Override
    public void playTestTone() {
        MediaEngine m = media();
        try {
            m.playTestTone();
        } catch (MediaException e) {
            log.warn("Test tone not played: {}", e.getMessage());
            throw new BoxConsole.NotAvailable("test tone: " + e.getMessage());
        }
    }

    @Override
    public List<CheckResult> selfTest() {
        List<CheckResult> out = new ArrayList<>();
        out.add(cameraCheck());
        try {
            AudioSelfTest a = media().audioSelfTest();
            out.add(new CheckResult(CheckItem.MICROPHONE_LEVEL, a.microphonePassed(), a.microphoneDetail(), a.took(),
                    a.problem().isPresent() ? Optional.empty() : Optional.of(microphoneText(a))));
            out.add(new CheckResult(CheckItem.TONE_HEARD, a.toneHeard(), a.toneDetail(), a.took(),
                    a.problem().isPresent() ? Optional.empty() : Optional.of(toneText(a))));
        } catch (MediaException e) {
            out.add(new CheckResult(CheckItem.MICROPHONE_LEVEL, false, e.getMessage(), Duration.ZERO));
            out.add(new CheckResult(CheckItem.TONE_HEARD, false, e.getMessage(), Duration.ZERO));
        }
        return out;
    }

    private CheckResult cameraCheck() {
        long t0 = System.nanoTime();
        Optional<byte[]> first = media().snapshotJpeg();
        Optional<byte[]> second = media().snapshotJpeg();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        boolean fresh = first.isPresent() && second.isPresent() && !Arrays.equals(first.get(), second.get());
        String detail = first.isEmpty() || second.isEmpty() ? "no picture from the camera"
                : fresh ? "two pictures, " + first.get().length / 1024 + " KiB and " + second.get().length / 1024 + " KiB, different"
                : "two identical pictures: the camera image is frozen";
        Localized text = first.isEmpty() || second.isEmpty() ? new Localized("media.detail.noPicture", List.of())
                : new Localized(fresh ? "media.detail.fresh" : "media.detail.frozen",
                        List.of(first.get().length / 1024, second.get().length / 1024));
        return new CheckResult(CheckItem.CAMERA_FRAMES, fresh, detail, took, Optional.of(text));
    }

    private static Localized microphoneText(AudioSelfTest a) {
        return new Localized(a.microphonePassed() ? "media.detail.mic" : "media.detail.micSilent",
                List.of(db(a.floor().rmsDb()), db(a.floor().peakDb()), db(a.withTone().rmsDb()), db(a.withTone().peakDb())));
    }

    private static Localized toneText(AudioSelfTest a) {
        return new Localized(a.toneHeard() ? "media.detail.tone" : "media.detail.toneNotHeard",
                List.of(String.format(Locale.ROOT, "%.0f", a.toneHz()), db(a.toneDb()), db(a.toneFloorDb()),
                        String.format(Locale.ROOT, "%+.1f", a.toneDb() - a.toneFloorDb()),
                        String.format(Locale.ROOT, "%.0f", AudioSelfTest.MIN_TONE_RISE_DB), db(AudioSelfTest.MIN_TONE_DB)));
    }

    private static String db(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
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
