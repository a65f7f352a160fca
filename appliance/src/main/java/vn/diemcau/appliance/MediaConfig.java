package vn.diemcau.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.conference.JanusOptions;
import vn.diemcau.appliance.config.ConfigException;
import vn.diemcau.appliance.media.MediaSettings;

/**
 * Parses the config's {@code media} subtree into the media package's {@link MediaSettings} and the
 * conference's {@link JanusOptions}; absent keys keep {@link MediaSettings#defaults()} and
 * {@link JanusOptions#defaults()}.
 *
 * <pre>{@code
 * "media": {"videoSource": "auto", "audioSource": "auto", "encoder": "auto",
 *           "video": {"width": 1280, "height": 720, "fps": 30, "bitrateKbps": 1500},
 *           "echoCancel": true, "videoSink": "auto", "audioSink": "auto", "latencyMillis": 50,
 *           "iceAddresses": [], "keepWarm": true, "testPattern": 0, "testToneHz": 440,
 *           "centrePrefix": "Trung tâm", "playAll": false}
 * }</pre>
 * The {@code video} block is what the hub's ApplyConfig writes.
 */
final class MediaConfig {

    private MediaConfig() {
    }

    static MediaSettings media(JsonNode n) {
        MediaSettings d = MediaSettings.defaults();
        JsonNode v = n.path("video");
        List<String> ice = new ArrayList<>();
        n.path("iceAddresses").forEach(a -> ice.add(a.asText()));
        try {
            return new MediaSettings(n.path("videoSource").asText(d.videoSource()), n.path("audioSource").asText(d.audioSource()),
                    n.path("testPattern").asInt(d.testPattern()), n.path("testToneHz").asDouble(d.testToneHz()),
                    v.path("width").asInt(d.width()), v.path("height").asInt(d.height()), v.path("fps").asInt(d.fps()),
                    v.path("bitrateKbps").asInt(d.bitrateKbps()), n.path("encoder").asText(d.encoder()),
                    n.path("echoCancel").asBoolean(d.echoCancel()), n.path("videoSink").asText(d.videoSink()),
                    n.path("audioSink").asText(d.audioSink()), Duration.ofMillis(n.path("latencyMillis").asLong(d.latency().toMillis())),
                    n.has("iceAddresses") ? ice : d.iceAddresses(), n.path("keepWarm").asBoolean(d.keepWarm()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("media", e.getMessage(), e);
        }
    }

    /**
     * What a call of {@code request} plays: the session's designation, else the config's
     * {@code playAll}; the centre only when the config cannot be read.
     */
    static JoinRequest.View view(JoinRequest request, JsonNode media) {
        return request.view().orElseGet(() -> {
            try {
                return janus(media).view(request);
            } catch (RuntimeException e) {
                return JoinRequest.View.CENTRE;
            }
        });
    }

    /**
     * Janus behaviour. Rejoining is left to the call state machine (one owner of retries, so the
     * LEDs and events follow every attempt): {@code autoRejoin} is always off here.
     */
    static JanusOptions janus(JsonNode n) {
        JanusOptions d = JanusOptions.defaults();
        try {
            return d.withCentrePrefix(n.path("centrePrefix").asText(d.centrePrefix()))
                    .withPlayAll(n.path("playAll").asBoolean(d.playAll()))
                    .withRejoin(false, d.backoffInitial(), d.backoffMax());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("media", e.getMessage(), e);
        }
    }
}
