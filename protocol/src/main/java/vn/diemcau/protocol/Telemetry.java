package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/** Periodic health on {@link Channel#TELEMETRY} (QoS 0, every 10 s by default). */
public record Telemetry(
        @JsonProperty(required = true) Instant at,
        @JsonProperty(required = true) SystemHealth system,
        @JsonProperty(required = true) Peripherals peripherals,
        @JsonProperty(required = true) CallInfo call,
        Optional<MediaStats> media) {
    public Telemetry {
        Check.required(at, "at");
        Check.required(system, "system");
        Check.required(peripherals, "peripherals");
        Check.required(call, "call");
        media = Check.optional(media);
    }
}
