package vn.diemcau.appliance.conference;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.diemcau.appliance.call.ConferenceListener;

/** Records what a conference reports, for Awaitility. */
final class RecordingListener implements ConferenceListener {
    record Failure(String reason, boolean retryable) {
    }

    final List<Duration> joins = new CopyOnWriteArrayList<>();
    final List<Failure> failures = new CopyOnWriteArrayList<>();
    final List<String> lefts = new CopyOnWriteArrayList<>();

    @Override
    public void joined(Duration timeToJoin) {
        joins.add(timeToJoin);
    }

    @Override
    public void failed(String reason, boolean retryable) {
        failures.add(new Failure(reason, retryable));
    }

    @Override
    public void left() {
        lefts.add("left");
    }
}
