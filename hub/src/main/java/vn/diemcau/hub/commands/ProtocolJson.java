package vn.diemcau.hub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.protocol.BoxConfig;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DesiredState;
import vn.diemcau.protocol.ProtocolCodec;
import vn.diemcau.protocol.ProtocolException;

/**
 * Parses protocol objects embedded in API bodies with the protocol's own codec (so the API
 * accepts exactly what boxes accept): a command is wrapped in a {@link CommandRequest}, a session
 * and a config in a {@link DesiredState}.
 */
public final class ProtocolJson {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private ProtocolJson() {}

  public static Command command(JsonNode command) {
    ObjectNode req = JSON.createObjectNode();
    req.put("schema", 1);
    req.put("id", "api");
    req.put("issuedAt", Instant.EPOCH.toString());
    req.put("expiresAt", Instant.EPOCH.plusSeconds(1).toString());
    req.put("issuedBy", "api");
    req.set("command", command);
    return decode(req, CommandRequest.class, "command").command();
  }

  public static Command.Join join(JsonNode session) {
    return desired(session, null).session().orElseThrow();
  }

  public static BoxConfig boxConfig(JsonNode config) {
    return desired(null, config).config().orElseThrow();
  }

  private static DesiredState desired(JsonNode session, JsonNode config) {
    ObjectNode d = JSON.createObjectNode();
    d.put("schema", 1);
    d.put("version", 1);
    d.put("at", Instant.EPOCH.toString());
    if (session != null) {
      d.set("session", session);
    }
    if (config != null) {
      d.set("config", config);
    }
    return decode(d, DesiredState.class, session != null ? "session" : "config");
  }

  private static <T> T decode(ObjectNode node, Class<T> type, String what) {
    try {
      return ProtocolCodec.decode(node.toString().getBytes(StandardCharsets.UTF_8), type);
    } catch (ProtocolException e) {
      throw HubException.badRequest("invalid " + what + ": " + e.getMessage() + " (at " + e.field() + ")");
    }
  }
}
