package vn.diemcau.hub.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest camera snapshot (JPEG) per box, in memory only. */
public final class Snapshots {
  /** A JPEG and when it arrived. */
  public record Snapshot(Instant receivedAt, Optional<String> commandId, byte[] jpeg) {}

  private final Map<String, Snapshot> latest = new ConcurrentHashMap<>();

  void put(String boxId, Snapshot s) {
    latest.put(boxId, s);
  }

  public Optional<Snapshot> latest(String boxId) {
    return Optional.ofNullable(latest.get(boxId));
  }

  public void forget(String boxId) {
    latest.remove(boxId);
  }
}
