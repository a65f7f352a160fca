package vn.diemcau.hub.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.health.Alert;
import vn.diemcau.hub.presence.BoxPresence;
import vn.diemcau.hub.presence.PresenceState;
import vn.diemcau.hub.registry.Box;
import vn.diemcau.hub.registry.IssuedCredentials;
import vn.diemcau.hub.registry.NewBox;
import vn.diemcau.hub.users.Permission;
import vn.diemcau.hub.users.User;

/** The registry, presence, telemetry, alerts, events and snapshots of boxes. */
final class BoxRoutes {
  private BoxRoutes() {}

  /** {@code telemetry}: the latest telemetry message; {@code reported}: the box's reported state (call, room). */
  record BoxView(Box box, BoxPresence presence, List<Alert> openAlerts, Optional<Instant> telemetryAt,
      Optional<com.fasterxml.jackson.databind.JsonNode> telemetry, Optional<com.fasterxml.jackson.databind.JsonNode> reported) {}

  record BoxDetail(Box box, BoxPresence presence, List<Alert> openAlerts,
      Optional<vn.diemcau.hub.health.TelemetryStore.Latest> telemetry,
      vn.diemcau.hub.commands.DesiredStates.Twin state) {}

  record Credentials(Box box, String username, String clientId, String password) {
    static Credentials of(IssuedCredentials c) {
      return new Credentials(c.box(), c.box().id(), c.box().id(), c.password());
    }
  }

  record BoxEdit(String displayName, String commune, String room) {}

  record CommuneSummary(long boxes, long online, long offline, long unknown, long openAlerts) {}

  record FleetSummary(long boxes, long online, long offline, long unknown, long openAlerts,
      Map<String, CommuneSummary> communes) {}

  static List<Route> routes(ApiServices s) {
    return List.of(
        Route.get("/api/fleet", Permission.VIEW_FLEET, c -> summary(s, c.user())),
        Route.get("/api/boxes", Permission.VIEW_FLEET, c -> {
          Optional<String> commune = c.query("commune");
          Optional<PresenceState> presence = c.query("presence").map(p -> parseEnum(PresenceState.class, p, "presence"));
          List<BoxView> out = new ArrayList<>();
          for (Box b : visible(s, c.user())) {
            BoxPresence p = s.presence().get(b.id());
            if (commune.map(b.commune()::equals).orElse(true) && presence.map(p.state()::equals).orElse(true)) {
              var latest = s.telemetry().latest(b.id());
              out.add(new BoxView(b, p, alertsOf(s, b.id()), latest.map(l -> l.receivedAt()),
                  latest.map(l -> l.telemetry()), s.desired().twin(b.id()).reported()));
            }
          }
          return out;
        }),
        Route.post("/api/boxes", Permission.MANAGE_BOXES, c -> {
          NewBox n = c.body(NewBox.class);
          requireCovers(c.user(), n.commune());
          IssuedCredentials issued = s.registry().register(n);
          s.audit().record(c.user().username(), "box.register", n.id(), n.commune() + " / " + n.room(), "ok");
          s.fleet().publish(new vn.diemcau.hub.events.FleetEvent.BoxChanged(n.id(), n.commune(), Instant.now(), "registered"));
          return Reply.created(Credentials.of(issued));
        }),
        Route.get("/api/boxes/{id}", Permission.VIEW_FLEET, c -> {
          Box b = box(s, c);
          return new BoxDetail(b, s.presence().get(b.id()), alertsOf(s, b.id()), s.telemetry().latest(b.id()),
              s.desired().twin(b.id()));
        }),
        Route.put("/api/boxes/{id}", Permission.MANAGE_BOXES, c -> {
          Box b = box(s, c);
          BoxEdit e = c.body(BoxEdit.class);
          String commune = e.commune() == null ? b.commune() : e.commune();
          requireCovers(c.user(), commune);
          Box updated = s.registry().update(b.id(), e.displayName() == null ? b.displayName() : e.displayName(),
              commune, e.room() == null ? b.room() : e.room());
          s.audit().record(c.user().username(), "box.update", b.id(), updated.commune() + " / " + updated.room(), "ok");
          changed(s, updated, "updated");
          return updated;
        }),
        Route.delete("/api/boxes/{id}", Permission.ADMINISTER, c -> {
          Box b = box(s, c);
          s.registry().delete(b.id());
          s.presence().forget(b.id());
          s.telemetry().forget(b.id());
          s.snapshots().forget(b.id());
          s.logs().forget(b.id());
          s.alerts().closeAll(b.id());
          s.audit().record(c.user().username(), "box.delete", b.id(), b.commune(), "ok");
          changed(s, b, "deleted");
          return Reply.noContent();
        }),
        Route.post("/api/boxes/{id}/credentials", Permission.MANAGE_BOXES, c -> {
          Box b = box(s, c);
          IssuedCredentials issued = s.registry().rotate(b.id());
          s.audit().record(c.user().username(), "box.rotate-credentials", b.id(), "", "ok");
          changed(s, b, "rotated");
          return Credentials.of(issued);
        }),
        Route.post("/api/boxes/{id}/enable", Permission.MANAGE_BOXES, c -> enable(s, c, true)),
        Route.post("/api/boxes/{id}/disable", Permission.MANAGE_BOXES, c -> enable(s, c, false)),
        Route.get("/api/boxes/{id}/telemetry", Permission.VIEW_FLEET, c -> s.telemetry().latest(box(s, c).id())
            .orElseThrow(() -> HubException.notFound("telemetry of box " + c.path("id")))),
        Route.get("/api/boxes/{id}/telemetry/raw", Permission.VIEW_FLEET, c -> {
          Instant to = instant(c, "to").orElse(Instant.now());
          Instant from = instant(c, "from").orElse(to.minus(Duration.ofHours(1)));
          return s.telemetry().raw(box(s, c).id(), from, to, c.queryInt("limit", 1000, 1, 10_000));
        }),
        Route.get("/api/boxes/{id}/telemetry/hourly", Permission.VIEW_FLEET, c -> {
          Instant to = instant(c, "to").orElse(Instant.now());
          Instant from = instant(c, "from").orElse(to.minus(Duration.ofDays(7)));
          return s.telemetry().hourly(box(s, c).id(), from, to);
        }),
        Route.get("/api/boxes/{id}/events", Permission.VIEW_FLEET,
            c -> s.events().list(box(s, c).id(), c.queryInt("limit", 100, 1, 1000))),
        Route.get("/api/boxes/{id}/state", Permission.VIEW_FLEET, c -> s.desired().twin(box(s, c).id())),
        Route.get("/api/boxes/{id}/snapshot", Permission.VIEW_FLEET, c -> {
          var snap = s.snapshots().latest(box(s, c).id()).orElseThrow(() -> HubException.notFound(
              "snapshot of box " + c.path("id") + " (send it a snapshot command first)"));
          return new ApiHandler.Binary("image/jpeg", snap.jpeg());
        }),
        Route.get("/api/boxes/{id}/logs", Permission.VIEW_FLEET, c -> {
          var logs = s.logs().latest(box(s, c).id()).orElseThrow(() -> HubException.notFound(
              "log lines of box " + c.path("id") + " (send it a collect_logs command first)"));
          return new LogsView(logs.receivedAt(), logs.commandId(), logs.lines(), logs.text());
        }));
  }

  /** What {@code GET /api/boxes/{id}/logs} answers. */
  record LogsView(Instant receivedAt, Optional<String> commandId, long lines, String text) {
  }

  private static Object enable(ApiServices s, Call c, boolean enabled) {
    Box b = box(s, c);
    Box updated = s.registry().setEnabled(b.id(), enabled);
    s.audit().record(c.user().username(), enabled ? "box.enable" : "box.disable", b.id(), "", "ok");
    changed(s, updated, enabled ? "enabled" : "disabled");
    return updated;
  }

  private static void changed(ApiServices s, Box b, String what) {
    s.fleet().publish(new vn.diemcau.hub.events.FleetEvent.BoxChanged(b.id(), b.commune(), Instant.now(), what));
  }

  private static FleetSummary summary(ApiServices s, User u) {
    Map<String, long[]> per = new TreeMap<>();
    for (Box b : visible(s, u)) {
      long[] n = per.computeIfAbsent(b.commune(), k -> new long[5]);
      n[0]++;
      switch (s.presence().get(b.id()).state()) {
        case ONLINE -> n[1]++;
        case OFFLINE -> n[2]++;
        case UNKNOWN -> n[3]++;
      }
      n[4] += alertsOf(s, b.id()).size();
    }
    Map<String, CommuneSummary> communes = new TreeMap<>();
    long[] t = new long[5];
    per.forEach((k, n) -> {
      communes.put(k, new CommuneSummary(n[0], n[1], n[2], n[3], n[4]));
      for (int i = 0; i < 5; i++) {
        t[i] += n[i];
      }
    });
    return new FleetSummary(t[0], t[1], t[2], t[3], t[4], communes);
  }

  static List<Box> visible(ApiServices s, User u) {
    return s.registry().list().stream().filter(b -> u.covers(b.commune())).toList();
  }

  private static List<Alert> alertsOf(ApiServices s, String boxId) {
    return s.alerts().openAlerts().stream().filter(a -> a.boxId().equals(boxId)).toList();
  }

  /** The box named by the path, when the caller may see it (otherwise 404: existence is not leaked). */
  static Box box(ApiServices s, Call c) {
    Box b = s.registry().require(c.path("id"));
    if (!c.user().covers(b.commune())) {
      throw HubException.notFound("box " + b.id());
    }
    return b;
  }

  static void requireCovers(User u, String commune) {
    if (!u.covers(commune)) {
      throw HubException.forbidden("user " + u.username() + " may only act on communes " + u.communes());
    }
  }

  static Optional<Instant> instant(Call c, String name) {
    return c.query(name).map(v -> {
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw HubException.badRequest("query parameter " + name + " must be an ISO-8601 instant such as "
            + "2026-01-31T08:00:00Z but was " + v);
      }
    });
  }

  static <E extends Enum<E>> E parseEnum(Class<E> type, String v, String name) {
    try {
      return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HubException.badRequest(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
          + " but was " + v);
    }
  }

}
