package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A box's answer to a {@link CommandRequest}, on the request's response topic with its
 * correlation data. {@code reason} explains a REJECTED or FAILED reply; {@code result} carries
 * optional structured output (e.g. self-test items).
 */
public record CommandReply(
        @JsonProperty(required = true) String commandId,
        @JsonProperty(required = true) ReplyStage stage,
        @JsonProperty(required = true) Instant at,
        Optional<String> reason,
        Map<String, Object> result) {
    public CommandReply {
        Check.text(commandId, "commandId", 64);
        Check.required(stage, "stage");
        Check.required(at, "at");
        reason = Check.optional(reason);
        reason.ifPresent(r -> Check.text(r, "reason", 1000));
        result = result == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(result));
    }

    public static CommandReply of(String commandId, ReplyStage stage, Instant at) {
        return new CommandReply(commandId, stage, at, Optional.empty(), Map.of());
    }

    public static CommandReply of(String commandId, ReplyStage stage, Instant at, String reason) {
        return new CommandReply(commandId, stage, at, Optional.of(reason), Map.of());
    }
}
