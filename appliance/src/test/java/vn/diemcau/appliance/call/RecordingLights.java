package vn.diemcau.appliance.call;

import java.util.ArrayList;
import java.util.List;
import vn.diemcau.hardware.LedPattern;
import vn.diemcau.hardware.StatusLights;

/** Status lights that remember what they showed. */
public final class RecordingLights implements StatusLights {
    public final List<LedPattern> shown = new ArrayList<>();

    @Override
    public synchronized void show(LedPattern pattern) {
        shown.add(pattern);
    }

    @Override
    public synchronized LedPattern current() {
        return shown.isEmpty() ? LedPattern.OFF : shown.get(shown.size() - 1);
    }

    @Override
    public void close() {
        show(LedPattern.OFF);
    }
}
