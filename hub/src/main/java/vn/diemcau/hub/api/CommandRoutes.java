package vn.diemcau.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import vn.diemcau.hub.commands.CommandCenter;
import vn.diemcau.hub.commands.CommandRecord;
import vn.diemcau.hub.commands.CommandState;
import vn.diemcau.hub.commands.ProtocolJson;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.registry.Box;
import vn.diemcau.hub.users.Permission;
import vn.diemcau.hub.users.User;
import vn.diemcau.protocol.BoxConfig;
import vn.diemcau.protocol.Command;

/** Commands to one box or a group, and desired state. */
final class CommandRoutes {
  private CommandRoutes() {}

  /** Targets: {@code boxes} (ids) and/or {@code commune} (every enabled box in it). */
  record CommandBody(List<String> boxes, String commune, JsonNode command, Integer expirySeconds,
      Integer timeoutSeconds, String idempotencyKey) {}

  record DesiredBody(JsonNode session, JsonNode config) {}

  static List<Route> routes(ApiServices s) {
    return List.of(
        Route.post("/api/commands", Permission.COMMAND_MAINTENANCE, c -> {
          CommandBody b = c.body(CommandBody.class);
          if (b.command() == null || b.command().isNull()) {
            throw HubException.badRequest("command is required, e.g. {\"type\":\"identify\",\"seconds\":10}");
          }
          requireKnownType(b.command());
          List<String> targets = targets(s, c.user(), b);
          java.util.Map<String, Command> perBox = s.sessionCommands().perBox(targets, b.command());
          Command command = perBox.values().iterator().next();
          requireFor(c.user(), command);
          Duration expiry = b.expirySeconds() == null ? s.commandExpiry() : Duration.ofSeconds(b.expirySeconds());
          Duration timeout = b.timeoutSeconds() == null ? max(s.commandTimeout(), expiry)
              : Duration.ofSeconds(b.timeoutSeconds());
          Optional<String> key = Optional.ofNullable(b.idempotencyKey()).or(() -> c.header("Idempotency-Key"));
          key.ifPresent(k -> {
            if (k.isBlank() || k.length() > 64) {
              throw HubException.badRequest("idempotencyKey must be 1-64 characters");
            }
          });
          return Reply.accepted(s.sessionCommands().send(perBox, c.user().username(), expiry, timeout, key));
        }),
        Route.get("/api/commands", Permission.VIEW_FLEET, c -> {
          Optional<String> box = c.query("box");
          box.ifPresent(id -> BoxRoutes.box(s, new PathOverride(c, id).call()));
          Optional<CommandState> state = c.query("state").map(v -> BoxRoutes.parseEnum(CommandState.class, v, "state"));
          return s.commands().list(box, state, c.queryInt("limit", 100, 1, 1000)).stream()
              .filter(r -> visible(s, c.user(), r)).toList();
        }),
        Route.get("/api/commands/{id}", Permission.VIEW_FLEET, c -> s.commands().find(c.path("id"))
            .filter(r -> visible(s, c.user(), r)).orElseThrow(() -> HubException.notFound("command " + c.path("id")))),
        Route.get("/api/batches/{id}", Permission.VIEW_FLEET, c -> {
          List<CommandRecord> list = s.commands().batch(c.path("id")).stream().filter(r -> visible(s, c.user(), r))
              .toList();
          if (list.isEmpty()) {
            throw HubException.notFound("batch " + c.path("id"));
          }
          return new CommandCenter.Batch(c.path("id"), list);
        }),
        Route.put("/api/boxes/{id}/desired", Permission.COMMAND_MAINTENANCE, c -> {
          Box box = BoxRoutes.box(s, c);
          DesiredBody d = c.body(DesiredBody.class);
          Optional<Command.Join> session = Optional.ofNullable(d.session()).filter(n -> !n.isNull())
              .map(n -> ProtocolJson.join(s.sessionCommands().completeSession(box.id(), n)));
          Optional<BoxConfig> config = Optional.ofNullable(d.config()).filter(n -> !n.isNull())
              .map(ProtocolJson::boxConfig);
          if (!c.user().can(Permission.COMMAND_SESSION) && (session.isPresent() || config.isEmpty())) {
            throw HubException.forbidden("role " + c.user().role() + " may not set a box's session");
          }
          return s.desired().set(box.id(), session, config, c.user().username());
        }));
  }

  private static final List<String> COMMAND_TYPES = java.util.Arrays.stream(
      Command.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value())
      .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name).toList();

  /** Rejects an unknown command type before anything else (even before looking up the targets). */
  private static void requireKnownType(com.fasterxml.jackson.databind.JsonNode command) {
    String type = command.path("type").asText("");
    if (!COMMAND_TYPES.contains(type)) {
      throw HubException.badRequest("unknown command type '" + type + "'; one of " + COMMAND_TYPES);
    }
  }

  private static void requireFor(User u, Command command) {
    boolean session = command instanceof Command.Join || command instanceof Command.Leave;
    if (session && !u.can(Permission.COMMAND_SESSION)) {
      throw HubException.forbidden("role " + u.role() + " may not send " + CommandCenter.typeName(command)
          + " commands (needs COMMAND_SESSION: OPERATOR or ADMIN)");
    }
  }

  private static List<String> targets(ApiServices s, User u, CommandBody b) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    if (b.boxes() != null) {
      for (String id : b.boxes()) {
        Box box = s.registry().find(id).filter(x -> u.covers(x.commune()))
            .orElseThrow(() -> HubException.notFound("box " + id));
        ids.add(box.id());
      }
    }
    if (b.commune() != null && !b.commune().isBlank()) {
      BoxRoutes.requireCovers(u, b.commune());
      s.registry().list().stream().filter(x -> x.commune().equals(b.commune()) && x.enabled())
          .forEach(x -> ids.add(x.id()));
    }
    if (ids.isEmpty()) {
      throw HubException.badRequest("no target boxes: give \"boxes\": [ids] or a \"commune\" with enabled boxes");
    }
    return new ArrayList<>(ids);
  }

  private static boolean visible(ApiServices s, User u, CommandRecord r) {
    return s.registry().commune(r.boxId()).map(u::covers).orElse(u.communes().isEmpty());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Re-uses the box lookup (scope check) for a box named in the query. */
  private record PathOverride(Call c, String id) {
    Call call() {
      return c.withPath("id", id);
    }
  }
}
