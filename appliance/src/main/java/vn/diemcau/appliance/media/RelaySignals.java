package vn.diemcau.appliance.media;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds a pipeline's signals until someone takes the call (a warm pipeline prepares its offer
 * and gathers candidates before any join), then replays them in order and forwards the rest.
 */
final class RelaySignals implements CallSignals {
    private final List<Consumer<CallSignals>> held = new ArrayList<>();
    private CallSignals target;

    /** Replays what was held to {@code to}, then forwards everything. */
    void attach(CallSignals to) {
        List<Consumer<CallSignals>> replay;
        synchronized (this) {
            target = to;
            replay = new ArrayList<>(held);
            held.clear();
        }
        replay.forEach(r -> r.accept(to));
    }

    private void emit(Consumer<CallSignals> signal) {
        CallSignals t;
        synchronized (this) {
            t = target;
            if (t == null) {
                held.add(signal);
                return;
            }
        }
        signal.accept(t);
    }

    synchronized boolean failedWhileHeld() {
        return target == null && held.stream().anyMatch(h -> h instanceof Failure);
    }

    private record Failure(String reason) implements Consumer<CallSignals> {
        @Override
        public void accept(CallSignals s) {
            s.mediaFailed(reason);
        }
    }

    @Override
    public void publisherOffer(String sdp) {
        emit(s -> s.publisherOffer(sdp));
    }

    @Override
    public void publisherCandidate(int mlineIndex, String candidate) {
        emit(s -> s.publisherCandidate(mlineIndex, candidate));
    }

    @Override
    public void subscriberAnswer(long feed, String sdp) {
        emit(s -> s.subscriberAnswer(feed, sdp));
    }

    @Override
    public void subscriberCandidate(long feed, int mlineIndex, String candidate) {
        emit(s -> s.subscriberCandidate(feed, mlineIndex, candidate));
    }

    @Override
    public void mediaFailed(String reason) {
        emit(new Failure(reason));
    }
}
