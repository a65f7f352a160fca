package vn.diemcau.appliance.call;

/** Told every {@link CallMachine} transition, on the machine's thread; must return quickly. */
@FunctionalInterface
public interface CallListener {
    void changed(CallStatus from, CallStatus to);
}
