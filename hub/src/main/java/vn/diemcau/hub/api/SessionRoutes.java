package vn.diemcau.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.session.NewSession;
import vn.diemcau.hub.session.Session;
import vn.diemcau.hub.session.SessionState;
import vn.diemcau.hub.users.Permission;
import vn.diemcau.hub.users.User;
import vn.diemcau.protocol.ConferenceView;

/**
 * The session schedule: list, schedule, change, start now, end, cancel.
 *
 * <pre>
 * curl -s -H "$A" -X POST $H/api/sessions \
 *   -d '{"title":"Tiếp công dân định kỳ","startsAt":"2026-12-15T08:00:00+07:00","durationMinutes":120,"commune":"An Phú"}'
 * curl -s -H "$A" "$H/api/sessions?state=SCHEDULED"
 * curl -s -H "$A" -X POST $H/api/sessions/$ID/start
 * </pre>
 */
final class SessionRoutes {
  private SessionRoutes() {}

  /** {@code commune} absent or null: every room; {@code view} absent: the hub's {@code conference.view}. */
  record ScheduleBody(JsonNode title, JsonNode startsAt, JsonNode durationMinutes, JsonNode commune, JsonNode view) {}

  static List<Route> routes(ApiServices s) {
    return List.of(
        Route.get("/api/sessions", Permission.VIEW_FLEET, c -> {
          int days = c.queryInt("days", 30, 0, 3660);
          Optional<SessionState> state = c.query("state").map(v -> BoxRoutes.parseEnum(SessionState.class, v, "state"));
          Optional<String> commune = c.query("commune");
          return s.sessions().list(Duration.ofDays(days), state, commune, c.queryInt("limit", 200, 1, 1000)).stream()
              .filter(x -> visible(c.user(), x)).map(x -> json(s, x)).toList();
        }),
        Route.post("/api/sessions", Permission.COMMAND_SESSION, c -> {
          NewSession n = parse(c.body(ScheduleBody.class));
          if (n.commune().isEmpty() && !c.user().communes().isEmpty()) {
            throw HubException.forbidden("user " + c.user().username() + " may only schedule sessions for communes "
                + c.user().communes());
          }
          n.commune().ifPresent(x -> BoxRoutes.requireCovers(c.user(), x));
          return Reply.created(json(s, s.sessions().schedule(n, c.user().username())));
        }),
        Route.get("/api/sessions/{id}", Permission.VIEW_FLEET, c -> json(s, session(s, c))),
        Route.put("/api/sessions/{id}", Permission.COMMAND_SESSION, c -> {
          Session x = changeable(s, c);
          NewSession n = parse(c.body(ScheduleBody.class));
          if (n.commune().isEmpty() && !c.user().communes().isEmpty()) {
            throw HubException.forbidden("user " + c.user().username() + " may only schedule sessions for communes "
                + c.user().communes());
          }
          n.commune().ifPresent(k -> BoxRoutes.requireCovers(c.user(), k));
          return json(s, s.sessions().reschedule(x.id(), n, c.user().username()));
        }),
        Route.post("/api/sessions/{id}/start", Permission.COMMAND_SESSION, c -> json(s,
            s.sessions().start(changeable(s, c).id(), c.user().username()))),
        Route.post("/api/sessions/{id}/end", Permission.COMMAND_SESSION, c -> json(s,
            s.sessions().end(changeable(s, c).id(), c.user().username()))),
        Route.post("/api/sessions/{id}/cancel", Permission.COMMAND_SESSION, c -> json(s,
            s.sessions().cancel(changeable(s, c).id(), c.user().username()))));
  }

  /** A session's JSON: its fields, its duration, and for a live one how many of its rooms report being in the call. */
  static Map<String, Object> json(ApiServices s, Session x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", x.id());
    m.put("title", x.title());
    m.put("startsAt", x.startsAt());
    m.put("endsAt", x.endsAt());
    m.put("durationMinutes", x.duration().toMinutes());
    m.put("commune", x.commune().orElse(null));
    m.put("view", x.view());
    m.put("state", x.state());
    m.put("createdBy", x.createdBy());
    m.put("createdAt", x.createdAt());
    m.put("startedAt", x.startedAt().orElse(null));
    m.put("startedBy", x.startedBy().orElse(null));
    m.put("endedAt", x.endedAt().orElse(null));
    m.put("endedBy", x.endedBy().orElse(null));
    m.put("boxes", x.boxes());
    if (x.state() == SessionState.LIVE) {
      m.put("roomsInCall", x.boxes().stream().filter(b -> s.desired().twin(b).reported()
          .map(r -> "IN_CALL".equals(r.path("call").asText())).orElse(false)).count());
    }
    return m;
  }

  private static NewSession parse(ScheduleBody b) {
    String title = text(b.title(), "title").orElse("");
    Instant startsAt = text(b.startsAt(), "startsAt").map(SessionRoutes::instant).orElse(null);
    Duration duration = null;
    if (b.durationMinutes() != null && !b.durationMinutes().isNull()) {
      if (!b.durationMinutes().canConvertToInt() || !b.durationMinutes().isIntegralNumber()) {
        throw HubException.badField("durationMinutes", "durationMinutes must be a whole number of minutes (15-720) but was "
            + b.durationMinutes());
      }
      duration = Duration.ofMinutes(b.durationMinutes().asInt());
    }
    Optional<ConferenceView> view = text(b.view(), "view").map(v -> {
      try {
        return ConferenceView.valueOf(v.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw HubException.badField("view", "'" + v + "' is not a view; one of CENTRE (the rooms' TVs play the centre) "
            + "or ALL (every room, tiled)");
      }
    });
    return new NewSession(title, startsAt, duration, text(b.commune(), "commune"), view);
  }

  private static Optional<String> text(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isTextual()) {
      throw HubException.badField(field, field + " must be a string but was " + n);
    }
    return Optional.of(n.asText());
  }

  private static Instant instant(String v) {
    try {
      return OffsetDateTime.parse(v.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw HubException.badField("startsAt", "startsAt must be an ISO-8601 time with an offset, such as "
          + "2026-12-15T08:00:00+07:00 or 2026-12-15T01:00:00Z, but was '" + v + "'");
    }
  }

  private static boolean visible(User u, Session x) {
    return x.commune().map(u::covers).orElse(true);
  }

  private static Session session(ApiServices s, Call c) {
    return s.sessions().find(c.path("id")).filter(x -> visible(c.user(), x))
        .orElseThrow(() -> HubException.notFound("session " + c.path("id")));
  }

  /** The session when the caller may steer it: all-rooms sessions need a user not limited to communes. */
  private static Session changeable(ApiServices s, Call c) {
    Session x = session(s, c);
    if (x.commune().isEmpty() && !c.user().communes().isEmpty()) {
      throw HubException.forbidden("user " + c.user().username() + " may only steer sessions of communes "
          + c.user().communes());
    }
    return x;
  }
}
