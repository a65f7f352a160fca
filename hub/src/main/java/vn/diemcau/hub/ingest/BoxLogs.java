package vn.diemcau.hub.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * The log lines each box sent last (after a {@code collect_logs} command), in memory only: they
 * are fetched for a support case, read on the box page, and fetched again when needed.
 */
public final class BoxLogs extends LatestPerBox<BoxLogs.Logs> {
  /** A box's recent log lines, oldest first, and when they arrived. */
  public record Logs(Instant receivedAt, Optional<String> commandId, String text) {
    public Logs {
      java.util.Objects.requireNonNull(receivedAt, "receivedAt");
      java.util.Objects.requireNonNull(commandId, "commandId");
      java.util.Objects.requireNonNull(text, "text");
    }

    /** How many lines the text holds. */
    public long lines() {
      return text.isEmpty() ? 0 : text.lines().count();
    }
  }
}
