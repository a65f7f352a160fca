package vn.diemcau.appliance.conference;

/** Janus refused a request or could not be reached; {@code code} is Janus's error code, or 0 for transport errors. */
final class JanusException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final boolean transport;

    JanusException(int code, String message, boolean transport, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.transport = transport;
    }

    static JanusException refused(int code, String reason) {
        return new JanusException(code, "Janus error " + code + ": " + reason, false, null);
    }

    static JanusException unreachable(String what, Throwable cause) {
        return new JanusException(0, what + ": " + cause, true, cause);
    }

    int code() {
        return code;
    }

    /** True when the server could not be reached or the connection broke (retrying may help). */
    boolean transport() {
        return transport;
    }
}
