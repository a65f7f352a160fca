package vn.diemcau.simulator.bench;

import java.util.List;
import java.util.Map;
import vn.diemcau.protocol.DeviceId;

/**
 * The benchmark's view from the central point: counts boxes online, sends commands and times
 * request → SUCCEEDED, times kill → OFFLINE. {@link MqttRequester} stands in for a hub on a bare
 * broker; {@link HubApiRequester} goes through a real hub's REST API and event stream.
 */
interface Requester extends AutoCloseable {

    int online();

    /** Sends a harmless command (Identify, 1 s) to {@code box}; its round trip is timed. */
    void command(DeviceId box);

    /** Call right before killing or freezing {@code box}: its next OFFLINE is timed from now. */
    void killing(DeviceId box);

    List<Long> roundTripsNanos();

    long commandsSent();

    /** Commands sent that have not (yet) succeeded. */
    long unanswered();

    long rejected();

    Map<DeviceId, Long> offlineAfterNanos();

    /** The hub's own timing histograms from {@code /metrics} (empty for a bare broker). */
    default HubTimings hubTimings() {
        return HubTimings.NONE;
    }

    @Override
    void close();
}
