package vn.diemcau.hub.ingest;

import java.time.Instant;
import java.util.Optional;

/** The latest camera snapshot (JPEG) per box, in memory only. */
public final class Snapshots extends LatestPerBox<Snapshots.Snapshot> {
  /** A JPEG and when it arrived. */
  public record Snapshot(Instant receivedAt, Optional<String> commandId, byte[] jpeg) {}
}
