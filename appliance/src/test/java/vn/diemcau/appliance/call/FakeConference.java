package vn.diemcau.appliance.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A conference the test drives: it records calls and reports outcomes only when told. */
public final class FakeConference implements Conference {

    public final List<String> calls = new ArrayList<>();
    private ConferenceListener listener;

    @Override
    public synchronized void join(JoinRequest request, ConferenceListener l) {
        calls.add("join " + request.room());
        listener = l;
    }

    @Override
    public synchronized void leave() {
        calls.add("leave");
    }

    @Override
    public synchronized void restartMedia() {
        calls.add("restartMedia");
    }

    @Override
    public synchronized void setMuted(boolean muted) {
        calls.add("muted " + muted);
    }

    @Override
    public Optional<CallStats> stats() {
        return Optional.empty();
    }

    @Override
    public void close() {
        calls.add("close");
    }

    /** The listener of the latest join. */
    public synchronized ConferenceListener listener() {
        if (listener == null) throw new IllegalStateException("join was never called");
        return listener;
    }
}
