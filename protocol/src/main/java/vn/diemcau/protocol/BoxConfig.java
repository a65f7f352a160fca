package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of a box's configuration the hub manages. */
public record BoxConfig(
        @JsonProperty(required = true) String displayName,
        @JsonProperty(required = true) String commune,
        @JsonProperty(required = true) int telemetryIntervalSeconds,
        @JsonProperty(required = true) int videoWidth,
        @JsonProperty(required = true) int videoHeight,
        @JsonProperty(required = true) int videoFps,
        @JsonProperty(required = true) int videoBitrateKbps) {
    public BoxConfig {
        Check.text(displayName, "displayName", 100);
        Check.text(commune, "commune", 100);
        Check.between(telemetryIntervalSeconds, 1, 3600, "telemetryIntervalSeconds");
        Check.between(videoWidth, 160, 3840, "videoWidth");
        Check.between(videoHeight, 120, 2160, "videoHeight");
        Check.between(videoFps, 1, 60, "videoFps");
        Check.between(videoBitrateKbps, 100, 20_000, "videoBitrateKbps");
    }
}
