package vn.diemcau.simulator;

import java.util.concurrent.atomic.LongAdder;

/** Counters shared by all boxes of one run; {@link #snapshot(int, int)} turns them into {@link SimulatorStats}. */
final class FleetCounters {
    final LongAdder connects = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder disconnects = new LongAdder();
    final LongAdder telemetrySent = new LongAdder();
    final LongAdder eventsSent = new LongAdder();
    final LongAdder commandsReceived = new LongAdder();
    final LongAdder repliesSent = new LongAdder();
    final LongAdder badMessages = new LongAdder();
    final LongAdder publishFailures = new LongAdder();

    SimulatorStats snapshot(int boxes, int connected) {
        return new SimulatorStats(boxes, connected, connects.sum(), connectFailures.sum(), disconnects.sum(),
                telemetrySent.sum(), eventsSent.sum(), commandsReceived.sum(), repliesSent.sum(),
                badMessages.sum(), publishFailures.sum());
    }
}
