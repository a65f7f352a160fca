package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The next reception session the hub has scheduled for a box's room, so the room's TV can say
 * when it is ("Phiên tiếp theo / Next session: 14:00 30/11 — Tiếp công dân định kỳ") before the
 * hub starts it.
 */
public record UpcomingSession(
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) Instant startsAt) {
    public UpcomingSession {
        title = Check.text(title, "title", 200);
        Check.required(startsAt, "startsAt");
    }
}
