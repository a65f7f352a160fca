package vn.diemcau.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A box's identity: its MQTT client id, username and topic segment. Lower-case letters, digits
 * and hyphens, 1–64 characters, starting with a letter or digit — so never an MQTT wildcard,
 * a level separator, empty, or the hub's reserved username.
 */
public record DeviceId(String value) implements Comparable<DeviceId> {
    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");

    public DeviceId {
        Check.matches(value, "deviceId", VALID,
                "a device id (1–64 lower-case letters, digits or hyphens, starting with a letter or digit)");
    }

    @JsonCreator
    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    /** True when {@code value} would make a valid id. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(DeviceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
