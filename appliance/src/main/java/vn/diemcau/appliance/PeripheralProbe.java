package vn.diemcau.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.diemcau.protocol.Peripherals;

/**
 * Whether the camera, microphone and speaker the box is configured to use are there, for
 * telemetry (the hub's CAMERA_MISSING / MICROPHONE_MISSING alerts) and the found/lost events.
 *
 * <p>A device named in the config ({@code v4l2:/dev/video2}, {@code alsa:hw:1,0}) must exist
 * itself; {@code auto} (and {@code pulse:}) needs any camera node or ALSA capture/playback
 * device; a source the config makes synthetic ({@code test}, {@code loopback:}, {@code gst:},
 * the {@code fake} sink) is present by definition — it is what the technician chose, and the
 * media pipeline checks it works.
 */
final class PeripheralProbe {
    private static final Pattern ALSA_CARD = Pattern.compile("alsa:(?:plug)?hw:(?:CARD=)?(\\w+).*");

    private final Path root;
    private final String video;
    private final String audio;
    private final String speaker;

    /** @param media the config's {@code media} subtree (missing keys mean {@code auto}) */
    PeripheralProbe(JsonNode media) {
        this(Path.of("/"), media);
    }

    PeripheralProbe(Path root, JsonNode media) {
        this.root = root;
        this.video = media.path("videoSource").asText("auto");
        this.audio = media.path("audioSource").asText("auto");
        this.speaker = media.path("audioSink").asText("auto");
    }

    Peripherals probe() {
        String pcm = read(root.resolve("proc/asound/pcm")).orElse("");
        return new Peripherals(camera(), sound(audio, pcm.contains("capture")), sound(speaker, pcm.contains("playback")));
    }

    private boolean camera() {
        if (synthetic(video)) return true;
        if (video.startsWith("v4l2:")) return Files.exists(root.resolve(video.substring(5).replaceFirst("^/", "")));
        try (Stream<Path> dev = Files.list(root.resolve("dev"))) {
            return dev.anyMatch(p -> p.getFileName().toString().startsWith("video"));
        } catch (IOException e) {
            return false;
        }
    }

    private boolean sound(String choice, boolean anyOfKind) {
        if (synthetic(choice)) return true;
        Matcher card = ALSA_CARD.matcher(choice);
        if (card.matches()) {
            String c = card.group(1);
            return c.chars().allMatch(Character::isDigit) ? Files.isDirectory(root.resolve("proc/asound/card" + c))
                    : Files.exists(root.resolve("proc/asound/" + c));
        }
        return anyOfKind;
    }

    private static boolean synthetic(String choice) {
        return choice.equals("test") || choice.equals("fake") || choice.startsWith("loopback:") || choice.startsWith("gst:");
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
