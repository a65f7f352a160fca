package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Set;

/**
 * What a box announces when it comes online.
 *
 * @param capabilities e.g. {@code camera}, {@code microphone}, {@code speaker}, {@code gpio}, {@code h264-hw}
 */
public record Birth(
        @JsonProperty(required = true) String softwareVersion,
        @JsonProperty(required = true) String hardwareModel,
        @JsonProperty(required = true) Set<String> capabilities,
        @JsonProperty(required = true) long appliedConfigVersion,
        @JsonProperty(required = true) Instant bootedAt) {
    public Birth {
        Check.text(softwareVersion, "softwareVersion", 64);
        Check.text(hardwareModel, "hardwareModel", 128);
        capabilities = Set.copyOf(Check.required(capabilities, "capabilities"));
        if (capabilities.size() > 64) throw new ProtocolException("capabilities", "has more than 64 entries");
        capabilities.forEach(c -> Check.text(c, "capabilities[]", 64));
        Check.atLeast(appliedConfigVersion, 0, "appliedConfigVersion");
        Check.required(bootedAt, "bootedAt");
    }
}
