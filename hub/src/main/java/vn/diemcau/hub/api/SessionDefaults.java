package vn.diemcau.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import vn.diemcau.hub.commands.DesiredStates;
import vn.diemcau.hub.config.HubConfig;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.protocol.BoxConfig;
import vn.diemcau.protocol.Command;

/**
 * The hub's conference settings as defaults for sessions: a {@code join} (command or desired
 * session) without {@code conferenceUrl}, {@code room}, {@code pin}, {@code view} or
 * {@code centre} gets the hub's {@code conference.*} values ({@code centre} only when
 * {@code conference.centre} is set), and without {@code displayName} the box's own display name,
 * so an operator can send {@code {"type":"join"}} to a whole group. A join or leave command also
 * records the intent as the box's desired session, so a box that restarts mid-session rejoins.
 */
final class SessionDefaults {
  private SessionDefaults() {}

  /** {@code command} completed for {@code boxId} when it is a join; unchanged otherwise. */
  static JsonNode complete(ApiServices s, String boxId, JsonNode command) {
    if (!command.isObject() || !"join".equals(command.path("type").asText())) {
      return command;
    }
    return completeSession(s, boxId, command);
  }

  /** A join's fields completed from the hub's conference settings and the box's display name. */
  static JsonNode completeSession(ApiServices s, String boxId, JsonNode session) {
    if (!session.isObject()) {
      return session;
    }
    ObjectNode n = ((ObjectNode) session).deepCopy();
    HubConfig.Conference conf = s.conference();
    if (!n.hasNonNull("conferenceUrl")) {
      n.put("conferenceUrl", conf.url().orElseThrow(() -> HubException.badRequest(
          "conferenceUrl is required: the hub has no conference.url configured")).toString());
    }
    if (!n.hasNonNull("room")) {
      n.put("room", conf.room());
    }
    if (!n.hasNonNull("pin")) {
      n.put("pin", conf.pin());
    }
    if (!n.hasNonNull("view")) {
      n.put("view", conf.view().name());
    }
    if (!n.hasNonNull("centre")) {
      conf.centre().ifPresent(c -> n.put("centre", c));
    }
    if (!n.hasNonNull("displayName")) {
      n.put("displayName", s.registry().find(boxId).map(b -> b.displayName()).orElse(boxId));
    }
    return n;
  }

  /** A join becomes each box's desired session; a leave clears it (the desired config is kept). */
  static void keepIntent(ApiServices s, Map<String, Command> perBox, String actor) {
    perBox.forEach((box, command) -> {
      switch (command) {
        case Command.Join j -> s.desired().set(box, Optional.of(j), desiredConfig(s.desired(), box), actor);
        case Command.Leave l -> {
          DesiredStates.Twin twin = s.desired().twin(box);
          boolean hadSession = twin.desired().map(d -> d.hasNonNull("session")).orElse(false);
          if (hadSession) {
            s.desired().set(box, Optional.empty(), desiredConfig(s.desired(), box), actor);
          }
        }
        default -> { }
      }
    });
  }

  private static Optional<BoxConfig> desiredConfig(DesiredStates desired, String box) {
    return desired.twin(box).desired().map(d -> d.get("config")).filter(c -> c != null && !c.isNull())
        .map(ProtocolJson::boxConfig);
  }
}
