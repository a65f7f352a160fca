package vn.diemcau.appliance.media;

/** A media pipeline could not be built, started or driven; the message names what failed. */
public final class MediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
