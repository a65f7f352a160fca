package vn.diemcau.appliance.call;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the room needs to join a session.
 *
 * @param server      conference server API address, e.g. {@code http://10.0.0.5:8088/janus}
 * @param room        the conference room (for Janus VideoRoom: the numeric room id, as text)
 * @param pin         the room's PIN or token; empty when the room has none
 * @param displayName the name the centre sees for this room, e.g. "Xã An Phú"
 * @param view        which feeds to play, as the session designates; empty: the box's config decides
 * @param centre      display-name prefix of the centre's feed; empty: the box's config decides
 */
public record JoinRequest(URI server, String room, String pin, String displayName, Optional<View> view,
                          Optional<String> centre) {
    public JoinRequest {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(pin, "pin");
        if (room == null || room.isBlank()) throw new IllegalArgumentException("room must not be blank");
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("displayName must not be blank");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(centre, "centre");
        if (centre.isPresent() && centre.get().isBlank()) throw new IllegalArgumentException("centre must not be blank");
    }

    /** A join that leaves the played feeds to the box's config. */
    public JoinRequest(URI server, String room, String pin, String displayName) {
        this(server, room, pin, displayName, Optional.empty(), Optional.empty());
    }

    /** This request designating {@code view} (and keeping its centre). */
    public JoinRequest withView(View v) {
        return new JoinRequest(server, room, pin, displayName, Optional.of(v), centre);
    }

    /** Which feeds the room plays during a call. */
    public enum View {
        /** Only the centre's feed, full screen. */
        CENTRE,
        /** Every other feed in the room, tiled ("all rooms"). */
        ALL
    }

    @Override
    public String toString() {
        return "JoinRequest[server=" + server + ", room=" + room + ", pin=" + (pin.isEmpty() ? "" : "***")
                + ", displayName=" + displayName + view.map(v -> ", view=" + v).orElse("")
                + centre.map(c -> ", centre=" + c).orElse("") + "]";
    }
}
