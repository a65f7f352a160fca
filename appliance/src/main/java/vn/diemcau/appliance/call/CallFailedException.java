package vn.diemcau.appliance.call;

/** A join or leave did not reach its goal; the message says why (e.g. "wrong room PIN", "left"). */
public final class CallFailedException extends RuntimeException {
    public CallFailedException(String reason) {
        super(reason);
    }
}
