package vn.diemcau.hub.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.storage.Jdbc;
import vn.diemcau.hub.storage.SqlNull;
import vn.diemcau.protocol.Presence;
import vn.diemcau.protocol.Status;

/**
 * Presence of every box, from its retained status and Last Will (the broker publishes the Will
 * when it stops hearing from a box: 1.5 × keep-alive, or at once on a broken connection).
 *
 * <pre>
 *   UNKNOWN ──status ONLINE──▶ ONLINE ◀──status ONLINE── OFFLINE
 *                                 └─────Will / status OFFLINE──▶┘
 * </pre>
 *
 * A Will older than the current online session (an earlier connection's) is ignored. Calls for
 * one box must come from one thread (the ingest lane); reads may come from any thread.
 */
public final class PresenceTracker {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceTracker.class);

  /** Told about every presence transition. */
  @FunctionalInterface
  public interface Listener {
    void changed(BoxPresence previous, BoxPresence current);
  }

  private final Jdbc jdbc;
  private final Clock clock;
  private final Map<String, BoxPresence> boxes = new ConcurrentHashMap<>();
  private final Map<String, Instant> onlineSessionStart = new ConcurrentHashMap<>();
  private final Set<String> seenDirty = ConcurrentHashMap.newKeySet();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  public PresenceTracker(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    jdbc.query("SELECT box_id, presence, presence_since, last_seen, boot_id, software_version, hardware_model, "
        + "capabilities, applied_config_version FROM box_state", rs -> {
          String caps = rs.getString("capabilities");
          long applied = rs.getLong("applied_config_version");
          Optional<Long> appliedOpt = rs.wasNull() ? Optional.empty() : Optional.of(applied);
          BoxPresence p = new BoxPresence(rs.getString("box_id"), PresenceState.valueOf(rs.getString("presence")),
              Instant.ofEpochMilli(rs.getLong("presence_since")), Jdbc.instant(rs, "last_seen"),
              Optional.ofNullable(rs.getString("boot_id")), Optional.ofNullable(rs.getString("software_version")),
              Optional.ofNullable(rs.getString("hardware_model")),
              caps == null || caps.isEmpty() ? Set.of() : Set.of(caps.split(",")), appliedOpt);
          boxes.put(p.boxId(), p);
          return null;
        });
  }

  public void addListener(Listener l) {
    listeners.add(l);
  }

  /** A status message (retained or live) from {@code boxId}. */
  public void onStatus(String boxId, Status status) {
    Instant now = clock.instant();
    BoxPresence prev = get(boxId);
    BoxPresence next;
    if (status.presence() == Presence.ONLINE) {
      onlineSessionStart.put(boxId, status.at());
      var birth = status.birth();
      next = new BoxPresence(boxId, PresenceState.ONLINE, prev.state() == PresenceState.ONLINE ? prev.since() : now,
          Optional.of(now), Optional.of(status.bootId()), birth.map(b -> b.softwareVersion()).or(prev::softwareVersion),
          birth.map(b -> b.hardwareModel()).or(prev::hardwareModel),
          birth.<Set<String>>map(b -> b.capabilities()).orElse(prev.capabilities()),
          birth.map(b -> b.appliedConfigVersion()).or(prev::appliedConfigVersion));
    } else {
      Instant session = onlineSessionStart.get(boxId);
      // A Will carries its connection's CONNECT time, which precedes that connection's birth: an
      // OFFLINE older than the current session is stale only when it comes from another boot.
      boolean sameBoot = prev.bootId().filter(status.bootId()::equals).isPresent();
      if (prev.state() == PresenceState.ONLINE && session != null && status.at().isBefore(session) && !sameBoot) {
        LOG.debug("Ignoring a stale OFFLINE for {} (from {}, current session {})", boxId, status.at(), session);
        return;
      }
      next = new BoxPresence(boxId, PresenceState.OFFLINE, prev.state() == PresenceState.OFFLINE ? prev.since() : now,
          prev.lastSeen(), Optional.of(status.bootId()), prev.softwareVersion(), prev.hardwareModel(),
          prev.capabilities(), prev.appliedConfigVersion());
    }
    boxes.put(boxId, next);
    persist(next);
    if (prev.state() != next.state()) {
      LOG.info("Box {} is {}", boxId, next.state());
      listeners.forEach(l -> l.changed(prev, next));
    }
  }

  /** Any message from the box proves it alive at {@code at}. */
  public void seen(String boxId, Instant at) {
    BoxPresence prev = boxes.get(boxId);
    if (prev != null) {
      boxes.put(boxId, prev.seen(at));
      seenDirty.add(boxId);
    }
  }

  /**
   * Marks every ONLINE box OFFLINE: used when the hub's embedded broker starts fresh, since every
   * box lost its connection with the previous broker and will announce itself again.
   */
  public void markAllOffline() {
    for (BoxPresence p : new ArrayList<>(boxes.values())) {
      if (p.state() == PresenceState.ONLINE) {
        BoxPresence next = new BoxPresence(p.boxId(), PresenceState.OFFLINE, clock.instant(), p.lastSeen(), p.bootId(),
            p.softwareVersion(), p.hardwareModel(), p.capabilities(), p.appliedConfigVersion());
        boxes.put(p.boxId(), next);
        persist(next);
        listeners.forEach(l -> l.changed(p, next));
      }
    }
  }

  public BoxPresence get(String boxId) {
    return boxes.getOrDefault(boxId, BoxPresence.unknown(boxId, clock.instant()));
  }

  public Collection<BoxPresence> all() {
    return List.copyOf(boxes.values());
  }

  public long online() {
    return boxes.values().stream().filter(p -> p.state() == PresenceState.ONLINE).count();
  }

  public void forget(String boxId) {
    boxes.remove(boxId);
    onlineSessionStart.remove(boxId);
  }

  /** Writes pending last-seen times (called periodically and on close). */
  public void flushLastSeen() {
    List<Object[]> rows = new ArrayList<>();
    for (String id : List.copyOf(seenDirty)) {
      seenDirty.remove(id);
      BoxPresence p = boxes.get(id);
      if (p != null && p.lastSeen().isPresent()) {
        rows.add(new Object[] {p.lastSeen().get(), id});
      }
    }
    jdbc.inTransaction(() -> {
      jdbc.batch("UPDATE box_state SET last_seen = ? WHERE box_id = ?", rows);
      return null;
    });
  }

  private void persist(BoxPresence p) {
    String caps = String.join(",", new TreeSet<>(p.capabilities()));
    Object lastSeen = p.lastSeen().<Object>map(i -> i).orElse(SqlNull.BIGINT);
    Object boot = p.bootId().<Object>map(s -> s).orElse(SqlNull.TEXT);
    Object sw = p.softwareVersion().<Object>map(s -> s).orElse(SqlNull.TEXT);
    Object hw = p.hardwareModel().<Object>map(s -> s).orElse(SqlNull.TEXT);
    Object applied = p.appliedConfigVersion().<Object>map(v -> v).orElse(SqlNull.BIGINT);
    jdbc.updateLater("INSERT INTO box_state (box_id, presence, presence_since, last_seen, boot_id, software_version, "
        + "hardware_model, capabilities, applied_config_version) VALUES (?,?,?,?,?,?,?,?,?) "
        + "ON CONFLICT (box_id) DO UPDATE SET presence = excluded.presence, presence_since = excluded.presence_since, "
        + "last_seen = excluded.last_seen, boot_id = excluded.boot_id, software_version = excluded.software_version, "
        + "hardware_model = excluded.hardware_model, capabilities = excluded.capabilities, "
        + "applied_config_version = excluded.applied_config_version",
        p.boxId(), p.state().name(), p.since(), lastSeen, boot, sw, hw, caps, applied);
  }

}
