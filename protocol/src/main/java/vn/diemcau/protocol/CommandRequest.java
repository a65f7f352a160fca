package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A command on the box's {@link Channel#COMMAND} topic, sent as an MQTT 5 request: response
 * topic = the box's {@link Channel#REPLY} topic, correlation data = {@link #id()} in UTF-8,
 * message expiry interval = seconds until {@link #expiresAt()}. The box answers twice
 * (ACCEPTED or REJECTED, then SUCCEEDED or FAILED), executes an id at most once (a repeat gets
 * the stored replies again), and refuses a request past its expiry (REJECTED, "expired").
 */
public record CommandRequest(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) Instant issuedAt,
        @JsonProperty(required = true) Instant expiresAt,
        @JsonProperty(required = true) String issuedBy,
        @JsonProperty(required = true) Command command) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public CommandRequest {
        Check.matches(id, "id", ID, "a command id (1–64 letters, digits, '_' or '-')");
        Check.required(issuedAt, "issuedAt");
        Check.required(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) throw new ProtocolException("expiresAt", "must be after issuedAt");
        Check.text(issuedBy, "issuedBy", 100);
        Check.required(command, "command");
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The MQTT 5 message expiry interval in whole seconds (at least 1). */
    public long expirySecondsFrom(Instant now) {
        return Math.max(1, Duration.between(now, expiresAt).toSeconds());
    }

    /** The MQTT 5 correlation data. */
    public byte[] correlationData() {
        return id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
