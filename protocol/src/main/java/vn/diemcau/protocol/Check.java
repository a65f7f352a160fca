package vn.diemcau.protocol;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validation helpers for compact constructors; every failure names the field. */
final class Check {
    private Check() {
    }

    static <T> T required(T value, String field) {
        if (value == null) throw new ProtocolException(field, "is required");
        return value;
    }

    static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static String text(String value, String field, int maxLength) {
        required(value, field);
        if (value.isBlank()) throw new ProtocolException(field, "must not be blank");
        if (value.length() > maxLength) throw new ProtocolException(field, "is longer than " + maxLength + " characters");
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) throw new ProtocolException(field, "contains control characters");
        return value;
    }

    /** Like {@link #text} but an empty string is allowed (e.g. a room without PIN). */
    static String textOrEmpty(String value, String field, int maxLength) {
        required(value, field);
        return value.isEmpty() ? value : text(value, field, maxLength);
    }

    static String matches(String value, String field, Pattern pattern, String what) {
        required(value, field);
        if (!pattern.matcher(value).matches()) throw new ProtocolException(field, "'" + abbreviate(value) + "' is not " + what);
        return value;
    }

    static long atLeast(long value, long min, String field) {
        if (value < min) throw new ProtocolException(field, "must be ≥ " + min + ", was " + value);
        return value;
    }

    static long between(long value, long min, long max, String field) {
        if (value < min || value > max) throw new ProtocolException(field, "must be between " + min + " and " + max + ", was " + value);
        return value;
    }

    static double between(double value, double min, double max, String field) {
        if (!(value >= min && value <= max)) throw new ProtocolException(field, "must be between " + min + " and " + max + ", was " + value);
        return value;
    }

    static URI conferenceUrl(URI value, String field) {
        required(value, field);
        String scheme = value.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("ws") || scheme.equals("wss"))
                || value.getHost() == null) {
            throw new ProtocolException(field, "'" + abbreviate(value.toString()) + "' is not an http(s) or ws(s) URL with a host");
        }
        return value;
    }

    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
