package vn.diemcau.appliance.call;

import java.net.URI;
import java.util.Objects;

/**
 * What the room needs to join a session.
 *
 * @param server      conference server API address, e.g. {@code http://10.0.0.5:8088/janus}
 * @param room        the conference room (for Janus VideoRoom: the numeric room id, as text)
 * @param pin         the room's PIN or token; empty when the room has none
 * @param displayName the name the centre sees for this room, e.g. "Xã An Phú"
 */
public record JoinRequest(URI server, String room, String pin, String displayName) {
    public JoinRequest {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(pin, "pin");
        if (room == null || room.isBlank()) throw new IllegalArgumentException("room must not be blank");
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("displayName must not be blank");
    }
}
