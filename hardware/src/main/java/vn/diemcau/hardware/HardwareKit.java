package vn.diemcau.hardware;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opened hardware of one box: the join button, an optional mute button and the status
 * lights. {@link #close()} closes everything in reverse order of opening, leaving every LED off;
 * call it from the program's shutdown hook.
 */
public final class HardwareKit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HardwareKit.class);

    private final String board;
    private final Button joinButton;
    private final Optional<Button> muteButton;
    private final StatusLights lights;
    private final Deque<AutoCloseable> closeOrder;
    private boolean closed;

    HardwareKit(String board, Button joinButton, Optional<Button> muteButton, StatusLights lights,
                Deque<AutoCloseable> closeOrder) {
        this.board = Objects.requireNonNull(board);
        this.joinButton = Objects.requireNonNull(joinButton);
        this.muteButton = Objects.requireNonNull(muteButton);
        this.lights = Objects.requireNonNull(lights);
        this.closeOrder = new ArrayDeque<>(closeOrder);
    }

    /** What was detected and opened, for logs and the local page (e.g. "Raspberry Pi 5 ... GPIO on gpiochip0 [pinctrl-rp1]"). */
    public String board() {
        return board;
    }

    /** The join button: SHORT joins, LONG leaves (the appliance decides). */
    public Button joinButton() {
        return joinButton;
    }

    /** The mute button, when one is configured. */
    public Optional<Button> muteButton() {
        return muteButton;
    }

    /** The mute button as a {@link VirtualButton} when the box has no physical buttons (profile virtual). */
    public Optional<VirtualButton> virtualMuteButton() {
        return muteButton.filter(VirtualButton.class::isInstance).map(VirtualButton.class::cast);
    }

    public StatusLights lights() {
        return lights;
    }

    /** The join button as a {@link VirtualButton} when the box has no physical one (profile virtual). */
    public Optional<VirtualButton> virtualButton() {
        return joinButton instanceof VirtualButton virtual ? Optional.of(virtual) : Optional.empty();
    }

    /** Closes lights, buttons, the GPIO context and the hardware threads, in reverse order. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        RuntimeException failure = null;
        while (!closeOrder.isEmpty()) {
            try {
                closeOrder.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the hardware failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        LOG.info("Hardware closed in {} ms", (System.nanoTime() - started) / 1_000_000);
        if (failure != null) {
            throw failure;
        }
    }
}
