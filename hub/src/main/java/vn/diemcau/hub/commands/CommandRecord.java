package vn.diemcau.hub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A command sent to one box and where it stands. {@code request} is the CommandRequest as sent. */
public record CommandRecord(String id, String batchId, String boxId, String type, JsonNode request, String issuedBy,
    Instant issuedAt, Instant expiresAt, Instant deadlineAt, CommandState state, Instant updatedAt,
    Optional<String> reason, Optional<JsonNode> result) {
  public CommandRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(batchId, "batchId");
    Objects.requireNonNull(boxId, "boxId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(issuedBy, "issuedBy");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(result, "result");
  }

  CommandRecord to(CommandState next, Instant at, Optional<String> why, Optional<JsonNode> res) {
    return new CommandRecord(id, batchId, boxId, type, request, issuedBy, issuedAt, expiresAt, deadlineAt, next, at,
        why.or(() -> reason), res.or(() -> result));
  }
}
