package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** An in-memory box behind the {@link BoxConsole} ports, recording what the page did to it. */
final class FakeBox implements ConfigPort, StatusPort, MediaPort, PanelPort, SystemPort {
    static final Provisioning INITIAL = new Provisioning("xa-an-phu-01", "UBND xã An Phú", "An Phú", "Phòng tiếp dân",
            "tcp://127.0.0.1:1883", "xa-an-phu-01", "s3cret-pass", "http://127.0.0.1:8088/janus", "1234", "");

    final AtomicReference<Provisioning> saved = new AtomicReference<>(INITIAL);
    final AtomicReference<Provisioning> previous = new AtomicReference<>();
    final AtomicInteger saves = new AtomicInteger();
    final AtomicBoolean hubConnected = new AtomicBoolean(true);
    final AtomicBoolean buttonDown = new AtomicBoolean();
    final List<Boolean> virtualPresses = new CopyOnWriteArrayList<>();
    final List<String> ledPreviews = new CopyOnWriteArrayList<>();
    final List<String> actions = new CopyOnWriteArrayList<>();
    volatile RuntimeException statusFailure;
    volatile MediaChoice choice = new MediaChoice("auto", "auto", "auto");

    BoxConsole console() {
        return new BoxConsole(this, this, this, this, this);
    }

    @Override
    public Provisioning current() {
        return saved.get();
    }

    @Override
    public Applied save(Provisioning values) {
        saves.incrementAndGet();
        previous.set(saved.getAndSet(values));
        return Applied.RESTART_NEEDED;
    }

    @Override
    public Optional<Instant> previousSavedAt() {
        return previous.get() == null ? Optional.empty() : Optional.of(Instant.parse("2026-11-30T01:00:00Z"));
    }

    @Override
    public Applied rollback() {
        Provisioning p = previous.get();
        if (p == null) throw new BoxConsole.NotAvailable("no previous config");
        previous.set(saved.getAndSet(p));
        return Applied.RESTART_NEEDED;
    }

    @Override
    public MediaChoice mediaChoice() {
        return choice;
    }

    @Override
    public Applied saveMediaChoice(MediaChoice c) {
        choice = c;
        return Applied.LIVE;
    }

    @Override
    public BoxStatus status() {
        if (statusFailure != null) throw statusFailure;
        Provisioning p = saved.get();
        return new BoxStatus(p.boxId(), p.displayName(), "0.1.0-test", "virtual (no GPIO)", Instant.now().minusSeconds(300),
                "IDLE", Optional.empty(), Optional.empty(), hubConnected.get(), Instant.now().minusSeconds(60),
                hubConnected.get() ? Optional.empty() : Optional.of("connection refused"), 0,
                Optional.of(new Health(Instant.now(), 12.5, 0.4, Optional.of(48.0), 4L << 30, 3L << 30, 32L << 30, 20L << 30, 3600, false)),
                Optional.empty(), Optional.empty(), Optional.of("14:00 01/12 — Tiếp công dân định kỳ tháng 12"));
    }

    @Override
    public List<Device> devices() {
        return List.of(new Device(DeviceKind.CAMERA, "v4l2:/dev/video0", "USB Camera (/dev/video0)"),
                new Device(DeviceKind.MICROPHONE, "alsa:hw:1,0", "USB Audio (hw:1,0)"),
                new Device(DeviceKind.SPEAKER, "alsa:hw:0,0", "HDMI (hw:0,0)"));
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        throw new BoxConsole.NotAvailable("no camera in the fake box");
    }

    @Override
    public OptionalDouble microphoneLevelDb() {
        return OptionalDouble.of(-42.5);
    }

    @Override
    public void playTestTone() {
        actions.add("tone");
    }

    @Override
    public List<CheckResult> selfTest() {
        actions.add("selftest");
        return List.of(new CheckResult(CheckItem.CAMERA_FRAMES, true, "30 frames in 1.0 s", Duration.ofSeconds(1)),
                new CheckResult(CheckItem.MICROPHONE_LEVEL, true, "-38 dBFS (floor -60)", Duration.ofSeconds(1)),
                new CheckResult(CheckItem.TONE_HEARD, false, "1 kHz at -70 dBFS, below -50", Duration.ofSeconds(2)));
    }

    @Override
    public boolean buttonDown() {
        return buttonDown.get();
    }

    @Override
    public boolean hasVirtualButton() {
        return true;
    }

    @Override
    public void virtualButton(boolean down) {
        virtualPresses.add(down);
        buttonDown.set(down);
    }

    @Override
    public boolean hasVirtualMute() {
        return true;
    }

    @Override
    public void virtualMute() {
        actions.add("mute");
    }

    @Override
    public String ledPattern() {
        return ledPreviews.isEmpty() ? "IDLE" : ledPreviews.get(ledPreviews.size() - 1);
    }

    @Override
    public List<String> ledPatterns() {
        return List.of("IDLE", "SESSION_READY", "JOINING", "IN_CALL", "MUTED", "ERROR", "HUB_UNREACHABLE", "IDENTIFY", "OFF");
    }

    @Override
    public void previewLed(String pattern) {
        ledPreviews.add(pattern);
    }

    @Override
    public List<String> recentLog(int max) {
        return List.of("03:00:00.000 INFO Appliance - started", "03:00:01.000 WARN FleetAgent - hub <unreachable> & retrying");
    }

    @Override
    public List<String> recentErrors(int max) {
        return List.of("03:00:01.000 WARN FleetAgent - hub <unreachable> & retrying");
    }

    @Override
    public void writeFullLog(OutputStream out) throws IOException {
        out.write(String.join("\n", recentLog(100)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void restartService() {
        actions.add("restart");
    }

    @Override
    public void reboot() {
        actions.add("reboot");
    }

    @Override
    public void factoryReset() {
        actions.add("reset");
    }
}
