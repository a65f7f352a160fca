package vn.diemcau.hub.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest upload of one kind per box (a snapshot, log lines), in memory only. */
public class LatestPerBox<T> {
  private final Map<String, T> latest = new ConcurrentHashMap<>();

  void put(String boxId, T value) {
    latest.put(boxId, value);
  }

  public Optional<T> latest(String boxId) {
    return Optional.ofNullable(latest.get(boxId));
  }

  public void forget(String boxId) {
    latest.remove(boxId);
  }
}
