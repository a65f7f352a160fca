package vn.diemcau.protocol;

/**
 * The one exception the protocol throws for a bad message or value: malformed JSON, a wrong
 * type, a missing or invalid field, an unknown schema or type, an oversized payload.
 * {@link #field()} names the offending field as a JSON path ({@code $.system.cpuLoad1m}),
 * or {@code $} for the whole message.
 */
public final class ProtocolException extends RuntimeException {
    private final String field;

    public ProtocolException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public ProtocolException(String field, String message, Throwable cause) {
        super(field + ": " + message, cause);
        this.field = field;
    }

    /** JSON path of the bad field, {@code $} for the whole message. */
    public String field() {
        return field;
    }
}
