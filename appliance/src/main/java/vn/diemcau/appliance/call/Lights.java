package vn.diemcau.appliance.call;

import vn.diemcau.hardware.LedPattern;

/** Which LED pattern a clerk sees for a given situation. */
final class Lights {

    private Lights() {
    }

    static LedPattern pattern(CallStatus status, boolean identifying, boolean hubReachable, boolean sessionDesignated,
                              boolean muted) {
        if (identifying) return LedPattern.IDENTIFY;
        return switch (status) {
            case CallStatus.InCall c -> muted ? LedPattern.MUTED : LedPattern.IN_CALL;
            case CallStatus.Joining j -> LedPattern.JOINING;
            case CallStatus.Retrying r -> LedPattern.JOINING;
            case CallStatus.Leaving l -> LedPattern.JOINING;
            case CallStatus.Failed f -> LedPattern.ERROR;
            case CallStatus.Idle i -> !hubReachable ? LedPattern.HUB_UNREACHABLE
                    : sessionDesignated ? LedPattern.SESSION_READY : LedPattern.IDLE;
        };
    }
}
