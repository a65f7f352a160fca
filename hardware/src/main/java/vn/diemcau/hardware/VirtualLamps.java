package vn.diemcau.hardware;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lamps for boxes without LEDs (mini-PCs, demo): keep the current state, log changes at TRACE. */
final class VirtualLamps implements Lamps {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualLamps.class);

    private volatile boolean green;
    private volatile boolean red;

    @Override
    public void set(boolean green, boolean red) {
        if (green != this.green || red != this.red) {
            LOG.trace("Virtual lamps: green {}, red {}", green, red);
        }
        this.green = green;
        this.red = red;
    }

    boolean green() {
        return green;
    }

    boolean red() {
        return red;
    }

    @Override
    public void close() {
        set(false, false);
    }
}
