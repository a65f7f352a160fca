package vn.diemcau.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.diemcau.appliance.config.ConfigException;
import vn.diemcau.appliance.conference.JanusOptions;
import vn.diemcau.appliance.media.MediaSettings;

/**
 * Parses the config's {@code media} subtree into the media package's {@link MediaSettings} and
 * {@link JanusOptions}. Every key is optional (defaults: {@link MediaSettings#defaults()},
 * {@link JanusOptions#defaults()}):
 *
 * <pre>{@code
 * "media": {
 *   "video": {"source": "test", "testPattern": 18, "width": 640, "height": 360, "fps": 15,
 *             "bitrateKbps": 800, "encoder": "auto", "sink": "fake"},
 *   "audio": {"source": "test", "testToneHz": 660, "echoCancel": true, "sink": "fake"},
 *   "latencyMillis": 50, "iceAddresses": ["10.99.0.1"], "keepWarm": true,
 *   "playAll": false, "centrePrefix": "Trung tâm"
 * }
 * }</pre>
 */
final class MediaConfig {

    private MediaConfig() {
    }

    static MediaSettings settings(JsonNode media) {
        MediaSettings d = MediaSettings.defaults();
        JsonNode v = media.path("video");
        JsonNode a = media.path("audio");
        List<String> ice = new ArrayList<>();
        media.path("iceAddresses").forEach(n -> ice.add(n.asText()));
        try {
            return new MediaSettings(
                    text(v, "source", d.videoSource()), text(a, "source", d.audioSource()),
                    v.path("testPattern").asInt(d.testPattern()), a.path("testToneHz").asDouble(d.testToneHz()),
                    v.path("width").asInt(d.width()), v.path("height").asInt(d.height()), v.path("fps").asInt(d.fps()),
                    v.path("bitrateKbps").asInt(d.bitrateKbps()), text(v, "encoder", d.encoder()),
                    a.path("echoCancel").asBoolean(d.echoCancel()), text(v, "sink", d.videoSink()),
                    text(a, "sink", d.audioSink()), Duration.ofMillis(media.path("latencyMillis").asLong(d.latency().toMillis())),
                    ice, media.path("keepWarm").asBoolean(d.keepWarm()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("media", e.getMessage());
        }
    }

    static JanusOptions options(JsonNode media) {
        JanusOptions o = JanusOptions.defaults();
        if (media.has("playAll")) o = o.withPlayAll(media.path("playAll").asBoolean());
        if (media.has("centrePrefix")) o = o.withCentrePrefix(media.path("centrePrefix").asText());
        return o;
    }

    private static String text(JsonNode n, String key, String fallback) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
