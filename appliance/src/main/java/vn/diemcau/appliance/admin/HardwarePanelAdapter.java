package vn.diemcau.appliance.admin;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import vn.diemcau.hardware.Button;
import vn.diemcau.hardware.HardwareKit;
import vn.diemcau.hardware.LedPattern;

/**
 * {@link PanelPort} over the opened hardware: the join button's live state, the virtual button
 * (profile {@code virtual}; its presses reach the appliance through the button's own listeners),
 * and LED previews that restore the box's own pattern after {@link #PREVIEW}.
 */
public final class HardwarePanelAdapter implements PanelPort, AutoCloseable {
    static final Duration PREVIEW = Duration.ofSeconds(3);

    private final HardwareKit kit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("admin-led-preview").daemon(true).factory());
    private LedPattern restore;
    private LedPattern previewing;
    private ScheduledFuture<?> pending;

    public HardwarePanelAdapter(HardwareKit kit) {
        this.kit = Objects.requireNonNull(kit, "kit");
    }

    @Override
    public boolean buttonDown() {
        return kit.joinButton().isDown();
    }

    @Override
    public boolean hasVirtualButton() {
        return kit.virtualButton().isPresent();
    }

    @Override
    public void virtualButton(boolean down) {
        kit.virtualButton().orElseThrow(() -> new BoxConsole.NotAvailable("this box has a physical join button")).setDown(down);
    }

    @Override
    public boolean hasVirtualMute() {
        return kit.virtualMuteButton().isPresent();
    }

    @Override
    public void virtualMute() {
        kit.virtualMuteButton().orElseThrow(() -> new BoxConsole.NotAvailable("this box has no virtual mute button"))
                .press(Button.Press.SHORT);
    }

    @Override
    public String ledPattern() {
        return kit.lights().current().name();
    }

    @Override
    public List<String> ledPatterns() {
        return Arrays.stream(LedPattern.values()).map(Enum::name).toList();
    }

    @Override
    public synchronized void previewLed(String pattern) {
        LedPattern p = LedPattern.valueOf(pattern);
        if (pending == null || pending.isDone()) restore = kit.lights().current();
        else pending.cancel(false);
        previewing = p;
        kit.lights().show(p);
        pending = timer.schedule(this::restore, PREVIEW.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restore() {
        // Restore only if nothing else (the call machine) changed the LEDs meanwhile.
        if (kit.lights().current() == previewing) kit.lights().show(restore);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
