package vn.diemcau.hub.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.audit.AuditLog;
import vn.diemcau.hub.commands.DesiredStates;
import vn.diemcau.hub.commands.SessionCommands;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.registry.Box;
import vn.diemcau.hub.registry.BoxRegistry;
import vn.diemcau.hub.storage.Jdbc;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.ConferenceView;

/**
 * The hub's schedule of reception sessions: schedule, change, start, end, cancel (see {@link SessionState}),
 * and {@link #tick} (run every few seconds) which starts due sessions and ends finished ones.
 * Starting sends the rooms the same join as {@code POST /api/commands} (through
 * {@link SessionCommands}, so each box also keeps it as its desired session); ending sends the
 * leave and clears it. Every change is audited and refreshes the rooms' desired {@code upcoming}.
 * All state is in the database: after a restart the next tick catches up (a session whose start
 * passed while the hub was down starts if its end has not passed, else it is MISSED).
 */
public final class SessionSchedule {
  private static final Logger LOG = LoggerFactory.getLogger(SessionSchedule.class);
  /** The actor of automatic starts and ends. */
  public static final String SCHEDULER = "scheduler";

  private final SessionStore store;
  private final Clock clock;
  private final BoxRegistry registry;
  private final SessionCommands rooms;
  private final AuditLog audit;
  private final ConferenceView defaultView;
  private final Duration expiry;
  private final Duration timeout;
  private final UpcomingBoard upcoming;
  private final List<Consumer<Session>> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param defaultView the view of a session scheduled without one ({@code conference.view})
   * @param expiry      the join/leave commands' expiry; {@code timeout} the hub's wait for their result
   */
  public SessionSchedule(Jdbc jdbc, Clock clock, BoxRegistry registry, SessionCommands rooms, DesiredStates desired,
      AuditLog audit, ConferenceView defaultView, Duration expiry, Duration timeout) {
    this.store = new SessionStore(jdbc);
    this.clock = clock;
    this.registry = registry;
    this.rooms = rooms;
    this.audit = audit;
    this.defaultView = defaultView;
    this.expiry = expiry;
    this.timeout = timeout.compareTo(expiry) < 0 ? expiry : timeout;
    this.upcoming = new UpcomingBoard(desired);
  }

  /** Called after every change of a session (scheduled, started, ended, cancelled, missed). */
  public void addListener(Consumer<Session> l) {
    listeners.add(l);
  }

  /** Checks {@code n} against the rules and the schedule, stores it as SCHEDULED and announces it to its rooms. */
  public synchronized Session schedule(NewSession n, String actor) {
    Instant now = clock.instant();
    rooms.requireConference();
    SessionRules.check(n, now, communes(), store.active());
    Session s = new Session(UUID.randomUUID().toString(), n.title(), n.startsAt(), n.endsAt(), n.commune(),
        n.view().orElse(defaultView), SessionState.SCHEDULED, actor, now, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of());
    store.insert(s);
    audit.record(actor, "session.schedule", target(s), describe(s), "scheduled");
    LOG.info("Session {} '{}' scheduled by {} for {} from {} to {}", s.id(), s.title(), actor,
        SessionRules.scope(s.commune()), s.startsAt(), s.endsAt());
    changed(s);
    return s;
  }

  /** Changes a SCHEDULED session's title, time, scope or view, under the same rules as scheduling it. */
  public synchronized Session reschedule(String id, NewSession n, String actor) {
    Session s = require(id);
    if (s.state() != SessionState.SCHEDULED) {
      throw HubException.conflict("session " + id + " is " + s.state() + "; only a SCHEDULED session can be changed");
    }
    SessionRules.check(n, Optional.of(id), clock.instant(), communes(), store.active());
    Session c = new Session(s.id(), n.title(), n.startsAt(), n.endsAt(), n.commune(), n.view().orElse(s.view()),
        SessionState.SCHEDULED, s.createdBy(), s.createdAt(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of());
    store.reschedule(c);
    audit.record(actor, "session.change", target(c), "was " + describe(s) + "; now " + describe(c), "scheduled");
    LOG.info("Session {} changed by {}: now '{}' for {} from {} to {}", c.id(), actor, c.title(),
        SessionRules.scope(c.commune()), c.startsAt(), c.endsAt());
    changed(c);
    return c;
  }

  /** Starts a SCHEDULED session now (before its start time, or when the ticker has not yet). */
  public synchronized Session start(String id, String actor) {
    Session s = require(id);
    if (s.state() != SessionState.SCHEDULED) {
      throw HubException.conflict("session " + id + " is " + s.state() + "; only a SCHEDULED session can be started");
    }
    Instant now = clock.instant();
    if (!now.isBefore(s.endsAt())) {
      throw HubException.conflict("session " + id + " ended at " + s.endsAt() + "; schedule a new one");
    }
    SessionRules.requireFree(Optional.of(id), s.commune(), now.isBefore(s.startsAt()) ? now : s.startsAt(),
        s.endsAt(), store.active());
    return begin(s, actor);
  }

  /** Ends a LIVE session: the rooms leave and their desired session is cleared. */
  public synchronized Session end(String id, String actor) {
    Session s = require(id);
    if (s.state() != SessionState.LIVE) {
      throw HubException.conflict("session " + id + " is " + s.state() + "; only a LIVE session can be ended"
          + (s.state() == SessionState.SCHEDULED ? " (cancel a scheduled one)" : ""));
    }
    return finish(s, actor);
  }

  /** Cancels a SCHEDULED session. */
  public synchronized Session cancel(String id, String actor) {
    Session s = require(id);
    if (s.state() != SessionState.SCHEDULED) {
      throw HubException.conflict("session " + id + " is " + s.state() + "; only a SCHEDULED session can be cancelled"
          + (s.state() == SessionState.LIVE ? " (end a live one)" : ""));
    }
    Session c = with(s, SessionState.CANCELLED, s.startedAt(), s.startedBy(), Optional.of(clock.instant()),
        Optional.of(actor), s.boxes());
    store.transition(c, SessionState.SCHEDULED);
    audit.record(actor, "session.cancel", target(c), describe(c), "cancelled");
    LOG.info("Session {} '{}' cancelled by {}", c.id(), c.title(), actor);
    changed(c);
    return c;
  }

  /** Ends LIVE sessions whose end passed, starts SCHEDULED ones whose start came, refreshes the rooms' upcoming. */
  public synchronized void tick() {
    Instant now = clock.instant();
    for (Session s : store.active()) {
      if (s.state() == SessionState.LIVE && !now.isBefore(s.endsAt())) {
        guarded(s, () -> finish(s, SCHEDULER));
      }
    }
    for (Session s : store.active()) {
      if (s.state() != SessionState.SCHEDULED || now.isBefore(s.startsAt())) {
        continue;
      }
      if (now.isBefore(s.endsAt())) {
        guarded(s, () -> begin(s, SCHEDULER));
      } else {
        Session m = with(s, SessionState.MISSED, Optional.empty(), Optional.empty(), Optional.of(now),
            Optional.of(SCHEDULER), List.of());
        store.transition(m, SessionState.SCHEDULED);
        audit.record(SCHEDULER, "session.missed", target(m), describe(m) + ": the hub was not running", "missed");
        LOG.warn("Session {} '{}' missed: its time passed while the hub was not running", m.id(), m.title());
        changed(m);
      }
    }
    upcoming.refresh(store.active(), registry.list());
  }

  public Optional<Session> find(String id) {
    return store.find(id);
  }

  /** Active sessions and those that ended within {@code recent}, newest start first. */
  public List<Session> list(Duration recent, Optional<SessionState> state, Optional<String> commune, int limit) {
    return store.since(clock.instant().minus(recent), state, commune, limit);
  }

  /** SCHEDULED and LIVE sessions, earliest first. */
  public List<Session> active() {
    return store.active();
  }

  /** Communes that have registered boxes. */
  public Set<String> communes() {
    Set<String> c = new TreeSet<>();
    registry.list().forEach(b -> c.add(b.commune()));
    return c;
  }

  private Session begin(Session s, String actor) {
    List<String> boxes = registry.list().stream().filter(b -> b.enabled() && s.covers(b.commune())).map(Box::id)
        .toList();
    if (!boxes.isEmpty()) {
      ObjectNode join = JsonNodeFactory.instance.objectNode().put("type", "join").put("view", s.view().name());
      Map<String, Command> perBox = rooms.perBox(boxes, join);
      rooms.send(perBox, actor, expiry, timeout, Optional.of("session-" + s.id() + "-join"));
    } else {
      LOG.warn("Session {} '{}' starts with no enabled box in {}", s.id(), s.title(), SessionRules.scope(s.commune()));
    }
    Session live = with(s, SessionState.LIVE, Optional.of(clock.instant()), Optional.of(actor), Optional.empty(),
        Optional.empty(), boxes);
    store.transition(live, SessionState.SCHEDULED);
    audit.record(actor, "session.start", target(live), describe(live) + ", " + boxes.size() + " rooms", "live");
    LOG.info("Session {} '{}' started by {}: join sent to {} rooms", live.id(), live.title(), actor, boxes.size());
    changed(live);
    return live;
  }

  private Session finish(Session s, String actor) {
    if (!s.boxes().isEmpty()) {
      Map<String, Command> perBox = rooms.perBox(s.boxes(), JsonNodeFactory.instance.objectNode().put("type", "leave"));
      rooms.send(perBox, actor, expiry, timeout, Optional.of("session-" + s.id() + "-leave"));
    }
    Session ended = with(s, SessionState.ENDED, s.startedAt(), s.startedBy(), Optional.of(clock.instant()),
        Optional.of(actor), s.boxes());
    store.transition(ended, SessionState.LIVE);
    audit.record(actor, "session.end", target(ended), describe(ended) + ", " + s.boxes().size() + " rooms", "ended");
    LOG.info("Session {} '{}' ended by {}: leave sent to {} rooms", ended.id(), ended.title(), actor, s.boxes().size());
    changed(ended);
    return ended;
  }

  private void changed(Session s) {
    try {
      upcoming.refresh(store.active(), registry.list());
    } catch (RuntimeException e) {
      LOG.warn("Could not publish the rooms' upcoming session after {} changed: {}", s.id(), e.toString());
    }
    listeners.forEach(l -> l.accept(s));
  }

  /** One session's failure (logged; retried on the next tick) does not hold up the others. */
  private static void guarded(Session s, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.error("Session {} '{}': automatic {} failed; retrying on the next tick: {}", s.id(), s.title(),
          s.state() == SessionState.LIVE ? "end" : "start", e.toString());
    }
  }

  private Session require(String id) {
    return store.find(id).orElseThrow(() -> HubException.notFound("session " + id));
  }

  private static Session with(Session s, SessionState state, Optional<Instant> startedAt, Optional<String> startedBy,
      Optional<Instant> endedAt, Optional<String> endedBy, List<String> boxes) {
    return new Session(s.id(), s.title(), s.startsAt(), s.endsAt(), s.commune(), s.view(), state, s.createdBy(),
        s.createdAt(), startedAt, startedBy, endedAt, endedBy, boxes);
  }

  private static String target(Session s) {
    return "session:" + s.id();
  }

  private static String describe(Session s) {
    return "'" + s.title() + "' " + SessionRules.scope(s.commune()) + ", " + s.startsAt() + " to " + s.endsAt()
        + ", view " + s.view();
  }
}
