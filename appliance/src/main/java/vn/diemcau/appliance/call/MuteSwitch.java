package vn.diemcau.appliance.call;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room microphone's mute, owned by the {@link CallMachine}'s thread: switchable while a call
 * is on (joining, in the call, retrying), kept through a rejoin, switched off when the call is over
 * (idle or failed) so the next call never starts muted. Drives {@link Conference#setMuted}.
 */
final class MuteSwitch {
    private static final Logger log = LoggerFactory.getLogger(MuteSwitch.class);

    private final Conference conference;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private boolean muted;

    MuteSwitch(Conference conference) {
        this.conference = conference;
    }

    void addListener(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    boolean muted() {
        return muted;
    }

    /** Sets the mute when a call is on; returns whether it changed. */
    boolean set(boolean wanted, CallStatus status) {
        if (wanted == muted) return false;
        if (wanted && !callOn(status)) {
            log.info("Mute ignored: no call ({})", status.getClass().getSimpleName());
            return false;
        }
        apply(wanted);
        return true;
    }

    /** After a transition: a call that is over unmutes. Returns whether it changed. */
    boolean after(CallStatus to) {
        if (!muted || callOn(to) || to instanceof CallStatus.Leaving) return false;
        apply(false);
        return true;
    }

    private void apply(boolean m) {
        muted = m;
        conference.setMuted(m);
        log.info("Microphone {}", m ? "muted" : "unmuted");
    }

    /** Tells the listeners the current mute; the machine calls it once its snapshot shows the change. */
    void announce() {
        boolean m = muted;
        for (Consumer<Boolean> l : listeners) {
            try {
                l.accept(m);
            } catch (RuntimeException e) {
                log.error("Mute listener failed", e);
            }
        }
    }

    private static boolean callOn(CallStatus s) {
        return switch (s) {
            case CallStatus.Joining j -> true;
            case CallStatus.InCall c -> true;
            case CallStatus.Retrying r -> true;
            case CallStatus.Leaving l -> false;
            case CallStatus.Idle i -> false;
            case CallStatus.Failed f -> false;
        };
    }
}
