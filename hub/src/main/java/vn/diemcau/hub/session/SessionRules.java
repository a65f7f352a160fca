package vn.diemcau.hub.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.diemcau.hub.error.HubException;

/** The checks a session's time and scope must pass against the clock, the registry and the schedule. */
final class SessionRules {
  /** How far in the past a start may lie (the form's minute precision, a slow submit). */
  static final Duration START_GRACE = Duration.ofMinutes(2);

  private SessionRules() {}

  /** Throws a {@link HubException} naming the field when {@code n} cannot be scheduled. */
  static void check(NewSession n, Instant now, Set<String> communes, List<Session> active) {
    check(n, Optional.empty(), now, communes, active);
  }

  /** Like {@link #check(NewSession, Instant, Set, List)} for a change of session {@code replacing}. */
  static void check(NewSession n, Optional<String> replacing, Instant now, Set<String> communes, List<Session> active) {
    if (n.startsAt().isBefore(now.minus(START_GRACE))) {
      throw HubException.badField("startsAt", "startsAt " + n.startsAt() + " is in the past (now " + now
          + "); choose a later time or start a session now from the list");
    }
    n.commune().ifPresent(c -> requireKnown(c, communes));
    requireFree(replacing, n.commune(), n.startsAt(), n.endsAt(), active);
  }

  /** A commune with registered boxes. */
  static void requireKnown(String commune, Collection<String> communes) {
    if (!communes.contains(commune)) {
      throw HubException.badField("commune", "commune '" + commune + "' has no registered boxes; one of "
          + communes.stream().sorted().toList() + ", or leave it out for every room");
    }
  }

  /** No other active session sharing rooms with {@code commune} runs in {@code [start, end)}. */
  static void requireFree(Optional<String> except, Optional<String> commune, Instant start, Instant end,
      List<Session> active) {
    for (Session s : active) {
      if (except.equals(Optional.of(s.id())) || !s.sharesRoomsWith(commune) || !s.overlaps(start, end)) {
        continue;
      }
      throw HubException.conflict("startsAt", "overlaps session '" + s.title() + "' (" + s.id() + ", "
          + s.state() + ", " + scope(s.commune()) + ", " + s.startsAt() + " to " + s.endsAt()
          + "): sessions sharing rooms must not overlap; pick another time or end that session first");
    }
  }

  static String scope(Optional<String> commune) {
    return commune.map(c -> "commune " + c).orElse("all rooms");
  }
}
