package vn.diemcau.hub.session;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.commands.DesiredStates;
import vn.diemcau.hub.registry.Box;
import vn.diemcau.protocol.DesiredState;
import vn.diemcau.protocol.UpcomingSession;

/**
 * Keeps each box's desired {@code upcoming} equal to the next scheduled session for its room
 * (its commune's or an all-rooms one). Remembers what it published, so a refresh with nothing
 * new costs no database access; a box seen for the first time (a restart, a new box) is compared
 * with its stored desired state.
 */
final class UpcomingBoard {
  private static final Logger LOG = LoggerFactory.getLogger(UpcomingBoard.class);

  private final DesiredStates desired;
  private final Map<String, Optional<UpcomingSession>> published = new ConcurrentHashMap<>();

  UpcomingBoard(DesiredStates desired) {
    this.desired = desired;
  }

  /** The next SCHEDULED session covering a box of {@code commune}. */
  static Optional<UpcomingSession> next(List<Session> active, String commune) {
    return active.stream().filter(s -> s.state() == SessionState.SCHEDULED && s.covers(commune))
        .min(Comparator.comparing(Session::startsAt).thenComparing(Session::id))
        .map(s -> new UpcomingSession(s.title(), s.startsAt()));
  }

  /** Publishes the boxes whose upcoming session changed; returns how many. */
  synchronized int refresh(List<Session> active, List<Box> boxes) {
    int changed = 0;
    for (Box b : boxes) {
      Optional<UpcomingSession> want = next(active, b.commune());
      Optional<UpcomingSession> known = published.get(b.id());
      if (known != null && known.equals(want)) {
        continue;
      }
      Optional<DesiredState> written = desired.setUpcoming(b.id(), want);
      published.put(b.id(), want);
      if (written.isPresent()) {
        changed++;
        LOG.debug("Box {} upcoming session now {}", b.id(), want);
      }
    }
    if (published.size() > boxes.size()) {
      published.keySet().retainAll(boxes.stream().map(Box::id).toList());
    }
    return changed;
  }
}
