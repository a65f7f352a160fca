package vn.diemcau.appliance.fleet;

import java.time.Instant;
import java.util.Optional;

/**
 * The fleet link as the local admin page shows it.
 *
 * @param connected        whether the broker connection is up
 * @param since            when it last went up or down
 * @param pendingEvents    events on disk waiting for the hub
 * @param lastSeq          the last event sequence number assigned
 * @param lastError        the last connection problem, if any
 * @param badMessages      malformed inbound messages dropped since start
 */
public record FleetSnapshot(boolean connected, Instant since, int pendingEvents, long lastSeq,
                            Optional<String> lastError, long badMessages) {
}
