package vn.diemcau.hub.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.protocol.ConferenceView;

/**
 * A session to schedule, as the operator asked for it. The compact constructor checks what
 * needs no context (title 1–200 characters, duration 15 min – 12 h); {@link SessionRules}
 * checks the rest (start not in the past, commune known, no overlap). Every failure names its
 * field.
 */
public record NewSession(String title, Instant startsAt, Duration duration, Optional<String> commune,
    Optional<ConferenceView> view) {
  public static final Duration MIN_DURATION = Duration.ofMinutes(15);
  public static final Duration MAX_DURATION = Duration.ofHours(12);
  public static final int MAX_TITLE = 200;

  public NewSession {
    title = title == null ? "" : title.strip();
    if (title.isEmpty()) {
      throw HubException.badField("title", "title is required (1-" + MAX_TITLE + " characters)");
    }
    if (title.length() > MAX_TITLE) {
      throw HubException.badField("title", "title must be at most " + MAX_TITLE + " characters but has "
          + title.length());
    }
    if (title.chars().anyMatch(Character::isISOControl)) {
      throw HubException.badField("title", "title must not contain control characters such as line breaks");
    }
    if (startsAt == null) {
      throw HubException.badField("startsAt", "startsAt is required, an ISO-8601 time such as 2026-12-15T08:00:00+07:00");
    }
    if (duration == null) {
      throw HubException.badField("durationMinutes", "durationMinutes is required (15-720)");
    }
    if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
      throw HubException.badField("durationMinutes", "durationMinutes must be between 15 and 720 (12 hours) but was "
          + duration.toMinutes());
    }
    commune = Objects.requireNonNull(commune, "commune").map(String::strip).filter(c -> !c.isEmpty());
    Objects.requireNonNull(view, "view");
  }

  public Instant endsAt() {
    return startsAt.plus(duration);
  }
}
