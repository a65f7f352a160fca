package vn.diemcau.appliance.call;

import java.time.Duration;

/** Outcomes of a {@link Conference}; may be called from any thread. */
public interface ConferenceListener {

    /** The conference server reports media received from this box; {@code timeToJoin} is measured from {@code join}. */
    void joined(Duration timeToJoin);

    /**
     * Joining failed or an established call broke.
     *
     * @param reason    a short English reason for logs and events, e.g. "wrong room PIN"
     * @param retryable true when retrying may help (network, server restart); false for a wrong PIN or unknown room
     */
    void failed(String reason, boolean retryable);

    /** The call ended after {@link Conference#leave()}. */
    void left();
}
