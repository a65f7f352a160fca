package vn.diemcau.appliance.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hardware.HardwareSettings;

/**
 * What the process needs before (and regardless of) provisioning: the admin page's address, the
 * hardware to open, the media subtree for the idle slate, and dev mode. From the running config
 * when the box is provisioned, else read leniently from the file tree — a bad key there falls
 * back to its default with a logged warning, so an unprovisioned box always gets its page.
 *
 * @param admin          where the local admin page listens
 * @param hardware       buttons and LEDs
 * @param media          the {@code media} subtree
 * @param devMode        development shortcuts allowed
 * @param conferenceKind whether the box has a media engine ({@code janus}) or not ({@code none})
 */
public record BootSettings(AdminConfig admin, HardwareSettings hardware, JsonNode media, boolean devMode,
                           ConferenceSettings.Kind conferenceKind) {

    private static final Logger log = LoggerFactory.getLogger(BootSettings.class);

    public BootSettings {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(conferenceKind, "conferenceKind");
    }

    public static BootSettings of(ConfigStore store) {
        return store.running().map(c -> new BootSettings(c.admin(), c.hardware(), c.media(), c.devMode(), c.conference().kind()))
                .orElseGet(() -> lenient(store.fileTree()));
    }

    static BootSettings lenient(ObjectNode tree) {
        AdminConfig admin = orDefault("admin", () -> AdminConfig.parse(tree.get("admin")), AdminConfig.defaults());
        HardwareSettings hardware = orDefault("hardware", () -> HardwareConfig.parse(tree.path("hardware")), HardwareSettings.defaults());
        JsonNode media = tree.get("media") instanceof ObjectNode m ? m : JsonNodeFactory.instance.objectNode();
        JsonNode dev = tree.path("devMode");
        boolean devMode = dev.isBoolean() ? dev.asBoolean() : dev.isTextual() && "true".equalsIgnoreCase(dev.asText());
        ConferenceSettings.Kind kind = orDefault("conference.kind", () -> ConferenceSettings.Kind.valueOf(
                tree.path("conference").path("kind").asText("janus").toUpperCase(Locale.ROOT)), ConferenceSettings.Kind.JANUS);
        return new BootSettings(admin, hardware, media, devMode, kind);
    }

    private static <T> T orDefault(String key, Supplier<T> parse, T fallback) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            log.warn("Config {} unusable ({}); using the default until the box is provisioned", key, e.getMessage());
            return fallback;
        }
    }
}
