package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * Which feeds a box plays during a session, as the hub designates it in {@link Command.Join#view()}:
 * only the centre (one picture, full screen) or every other room (tiled).
 */
public enum ConferenceView {
    /** Only the centre's feed: the publisher whose display name starts with the centre's name. */
    CENTRE,
    /** Every other feed in the room, tiled ("all rooms"). */
    ALL;

    /**
     * Parses the wire value ({@code CENTRE} or {@code ALL}, case-insensitive); anything else is a
     * {@link ProtocolException} that lists the accepted values.
     */
    @JsonCreator
    public static ConferenceView of(String value) {
        if (value != null) {
            for (ConferenceView v : values()) {
                if (v.name().equals(value.strip().toUpperCase(Locale.ROOT))) return v;
            }
        }
        throw new ProtocolException("$", "'" + Check.abbreviate(String.valueOf(value))
                + "' is not a view: use CENTRE (the centre only) or ALL (all rooms)");
    }
}
