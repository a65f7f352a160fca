package vn.diemcau.simulator;

/**
 * Totals of one simulator run so far.
 *
 * @param boxes            simulated boxes
 * @param connected        boxes connected now
 * @param connects         successful connections (including reconnects)
 * @param connectFailures  refused or failed connection attempts
 * @param disconnects      connections lost or closed
 * @param telemetrySent    telemetry messages published
 * @param eventsSent       events published
 * @param commandsReceived command requests received
 * @param repliesSent      command replies published
 * @param badMessages      inbound messages dropped as malformed
 * @param publishFailures  publishes the broker refused or that failed
 */
public record SimulatorStats(int boxes, int connected, long connects, long connectFailures, long disconnects,
        long telemetrySent, long eventsSent, long commandsReceived, long repliesSent, long badMessages,
        long publishFailures) {

    @Override
    public String toString() {
        return "boxes=" + boxes + " connected=" + connected + " connects=" + connects
                + " connectFailures=" + connectFailures + " disconnects=" + disconnects
                + " telemetry=" + telemetrySent + " events=" + eventsSent + " commands=" + commandsReceived
                + " replies=" + repliesSent + " bad=" + badMessages + " publishFailures=" + publishFailures;
    }
}
