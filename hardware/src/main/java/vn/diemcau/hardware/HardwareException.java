package vn.diemcau.hardware;

/** The hardware could not be opened (missing GPIO chip, no permission, native library not loadable). */
public final class HardwareException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HardwareException(String message, Throwable cause) {
        super(message, cause);
    }
}
