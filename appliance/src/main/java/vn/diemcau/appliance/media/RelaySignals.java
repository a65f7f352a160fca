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

    /**
     * Replays what was held to {@code to}, then forwards everything, in order. Targets only hand
     * signals to their own executor, so calling them under this lock is cheap and keeps order.
     */
    synchronized void attach(CallSignals to) {
        target = to;
        held.forEach(r -> r.accept(to));
        held.clear();
    }

    private synchronized void emit(Consumer<CallSignals> signal) {
        if (target == null) {
            held.add(signal);
        } else {
            signal.accept(target);
        }
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
