package vn.diemcau.hub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.diemcau.hub.config.HubConfig;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.registry.BoxRegistry;
import vn.diemcau.protocol.Command;

/**
 * The one path by which the hub puts rooms into a session and takes them out, used by
 * {@code POST /api/commands} and by the session schedule.
 *
 * <p>The hub's conference settings are defaults: a {@code join} (command or desired session)
 * without {@code conferenceUrl}, {@code room}, {@code pin}, {@code view} or {@code centre} gets the
 * hub's {@code conference.*} values ({@code centre} only when {@code conference.centre} is set),
 * and without {@code displayName} the box's own display name, so an operator can send
 * {@code {"type":"join"}} to a whole group. A join or leave sent through {@link #send} also
 * records the intent as each box's desired session, so a box that restarts mid-session rejoins.
 */
public final class SessionCommands {
  private final BoxRegistry registry;
  private final HubConfig.Conference conference;
  private final CommandCenter commands;
  private final DesiredStates desired;

  public SessionCommands(BoxRegistry registry, HubConfig.Conference conference, CommandCenter commands,
      DesiredStates desired) {
    this.registry = registry;
    this.conference = conference;
    this.commands = commands;
    this.desired = desired;
  }

  /** {@code command} completed for each box and parsed with the protocol's codec (400 when it does not fit). */
  public Map<String, Command> perBox(List<String> boxIds, JsonNode command) {
    Map<String, Command> perBox = new LinkedHashMap<>();
    for (String id : boxIds) {
      perBox.put(id, ProtocolJson.command(complete(id, command)));
    }
    return perBox;
  }

  /**
   * Issues each box its command (one batch) and keeps the intent of a join or leave as the box's
   * desired session.
   */
  public CommandCenter.Batch send(Map<String, Command> perBox, String actor, Duration expiry, Duration timeout,
      Optional<String> idempotencyKey) {
    CommandCenter.Batch batch = commands.issue(List.copyOf(perBox.keySet()), perBox::get, actor, expiry, timeout,
        idempotencyKey);
    keepIntent(perBox, actor);
    return batch;
  }

  /** Throws unless the hub can complete a join by itself ({@code conference.url} configured). */
  public void requireConference() {
    if (conference.url().isEmpty()) {
      throw HubException.badRequest("the hub has no conference.url configured; set it before scheduling sessions");
    }
  }

  /** {@code command} completed for {@code boxId} when it is a join; unchanged otherwise. */
  public JsonNode complete(String boxId, JsonNode command) {
    if (!command.isObject() || !"join".equals(command.path("type").asText())) {
      return command;
    }
    return completeSession(boxId, command);
  }

  /** A join's fields completed from the hub's conference settings and the box's display name. */
  public JsonNode completeSession(String boxId, JsonNode session) {
    if (!session.isObject()) {
      return session;
    }
    ObjectNode n = ((ObjectNode) session).deepCopy();
    if (!n.hasNonNull("conferenceUrl")) {
      n.put("conferenceUrl", conference.url().orElseThrow(() -> HubException.badRequest(
          "conferenceUrl is required: the hub has no conference.url configured")).toString());
    }
    if (!n.hasNonNull("room")) {
      n.put("room", conference.room());
    }
    if (!n.hasNonNull("pin")) {
      n.put("pin", conference.pin());
    }
    if (!n.hasNonNull("view")) {
      n.put("view", conference.view().name());
    }
    if (!n.hasNonNull("centre")) {
      conference.centre().ifPresent(c -> n.put("centre", c));
    }
    if (!n.hasNonNull("displayName")) {
      n.put("displayName", registry.find(boxId).map(b -> b.displayName()).orElse(boxId));
    }
    return n;
  }

  /** A join becomes each box's desired session; a leave clears it (the desired config and upcoming are kept). */
  void keepIntent(Map<String, Command> perBox, String actor) {
    perBox.forEach((box, command) -> {
      switch (command) {
        case Command.Join j -> desired.setSession(box, Optional.of(j), actor);
        case Command.Leave l -> {
          if (desired.current(box).flatMap(d -> d.session()).isPresent()) {
            desired.setSession(box, Optional.empty(), actor);
          }
        }
        default -> { }
      }
    });
  }
}
