package vn.diemcau.appliance.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.diemcau.hardware.HardwareSettings;

/**
 * The appliance's whole configuration, parsed once from {@code /etc/diemcau/appliance.json} plus
 * environment overrides ({@link ConfigParser}).
 *
 * @param boxId             this box's id (MQTT client id and user name), e.g. {@code xa-an-phu-01}
 * @param configVersion     version of the hub-issued config last applied (0 = local only)
 * @param displayName       the name the centre sees, e.g. "Xã An Phú"
 * @param commune           commune / district name
 * @param hub               broker connection
 * @param telemetryInterval how often telemetry is published
 * @param conference        conference defaults
 * @param events            offline event journal
 * @param hardware          the {@code hardware} subtree ({@link HardwareConfig})
 * @param media             the {@code media} subtree, parsed by the media package's settings record
 * @param devMode           allows development shortcuts (conference kind {@code none}, console button)
 * @param admin             the local admin page ({@link AdminConfig})
 */
public record ApplianceConfig(String boxId, long configVersion, String displayName, String commune,
                              HubSettings hub, Duration telemetryInterval, ConferenceSettings conference,
                              EventSettings events, HardwareSettings hardware, JsonNode media, boolean devMode,
                              AdminConfig admin) {

    private static final Pattern BOX_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public ApplianceConfig {
        if (boxId == null || !BOX_ID.matcher(boxId).matches()) {
            throw new ConfigException("boxId", "must be 1-64 lower-case letters, digits or hyphens, starting with a letter or digit, was '" + boxId + "'");
        }
        if (configVersion < 0) throw new ConfigException("configVersion", "must be >= 0, was " + configVersion);
        if (displayName == null || displayName.isBlank()) throw new ConfigException("displayName", "must not be blank");
        Objects.requireNonNull(commune, "commune");
        Objects.requireNonNull(hub, "hub");
        if (telemetryInterval.compareTo(Duration.ofSeconds(1)) < 0 || telemetryInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigException("telemetryIntervalSeconds", "must be 1..3600, was " + telemetryInterval.toSeconds());
        }
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(admin, "admin");
        if (conference.kind() == ConferenceSettings.Kind.NONE && !devMode) {
            throw new ConfigException("conference.kind", "'none' is a development mode; set devMode true to use it");
        }
    }
}
