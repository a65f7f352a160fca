package vn.diemcau.appliance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.diemcau.protocol.UpcomingSession;

/** How the TV and the local page name the next session: "14:00 01/12 — title", in the box's time zone. */
public final class NextSession {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM");

    private NextSession() {
    }

    /** The time and title, or "đang diễn ra / in progress — title" once it has started. */
    public static String describe(UpcomingSession u, Instant now, ZoneId zone) {
        return u.startsAt().isAfter(now) ? WHEN.withZone(zone).format(u.startsAt()) + " — " + u.title()
                : "đang diễn ra / in progress — " + u.title();
    }
}
