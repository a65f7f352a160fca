package vn.diemcau.appliance.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slate on the TV between calls: room name, clock, hub connection, next session and
 * "Nhấn nút xanh để tham gia / Press the green button to join", rendered by GStreamer
 * (textoverlay + clockoverlay over a solid background, 5 fps) in a child {@code gst-launch-1.0}.
 *
 * <p>A child process, not a pipeline in the box: Pango, Cairo and fontconfig would otherwise stay
 * mapped in the box for its whole life, ~8 MB of RSS in every call (docs/benchmarks.md,
 * "Session 3"); the child is gone while a call has the display. {@link #show} starts it, or
 * restarts it when the text changes (rare: the hub link, the next session); {@link #hide}
 * stops it before a call. A child that dies is started again by the next {@link #show}.
 * Thread-safe.
 */
public final class IdleScreen implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IdleScreen.class);
    private static final String METER = "imeter: last-message";
    private static final String SETPRIV = "/usr/bin/setpriv";

    private final MediaSettings settings;
    private final String launcher;
    private final AtomicLong frames = new AtomicLong();
    /**
     * Starts the children: the kernel's parent-death signal is tied to the thread that forked, so
     * it must outlive them (a box killed with -9 takes its slate with it; systemd kills the unit's
     * cgroup anyway).
     */
    private final java.util.concurrent.ExecutorService spawner = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("idle-screen").daemon(true).factory());
    private Optional<Process> child = Optional.empty();
    private Optional<IdleInfo> shown = Optional.empty();

    IdleScreen(MediaSettings settings) {
        this(settings, "gst-launch-1.0");
    }

    IdleScreen(MediaSettings settings, String launcher) {
        this.settings = settings;
        this.launcher = launcher;
    }

    /** Shows the slate with {@code info}: starts it, or restarts it when the text changed. */
    public synchronized void show(IdleInfo info) {
        if (showing() && shown.equals(Optional.of(info))) return;
        stop();
        List<String> command = new ArrayList<>();
        if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(SETPRIV))) {
            command.addAll(List.of(SETPRIV, "--pdeathsig", "KILL"));
        }
        command.addAll(List.of(launcher, "-v"));
        command.addAll(arguments(info, settings));
        try {
            Process p = spawner.submit(() -> new ProcessBuilder(command).redirectErrorStream(true).start()).get();
            Thread.ofPlatform().name("idle-screen-out").daemon(true).start(() -> drain(p));
            child = Optional.of(p);
            shown = Optional.of(info);
            log.info("Idle screen shown (pid {}): {} | {}{}", p.pid(), info.roomName(), info.hubState(),
                    info.nextSession().map(n -> " | " + n).orElse(""));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot start the idle screen (" + launcher + "): " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the idle screen", e);
        }
    }

    /** The child's output: counts rendered frames, logs what GStreamer says went wrong. */
    private void drain(Process p) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains(METER)) {
                    frames.incrementAndGet();
                } else if (line.startsWith("ERROR") || line.startsWith("WARNING")) {
                    log.warn("Idle screen: {}", line);
                }
            }
        } catch (IOException e) {
            log.debug("Idle screen output closed: {}", e.toString());
        }
    }

    /** gst-launch arguments, one per token (gst-launch quotes each itself; text needs no escaping but Pango's). */
    static List<String> arguments(IdleInfo info, MediaSettings s) {
        int h = s.height();
        List<String> a = new ArrayList<>(List.of("videotestsrc", "is-live=true", "pattern=solid-color",
                "foreground-color=0xff0b3d5c", "!", "video/x-raw,width=" + s.width() + ",height=" + h + ",framerate=5/1"));
        // Font sizes are for a 640-pixel-wide frame (textoverlay scales them); offsets are in pixels.
        overlay(a, "top", "ypad=" + h * 110 / 720, "Sans Bold 26px", info.roomName());
        overlay(a, "center", "deltay=" + -h * 30 / 720, "Sans 13px", info.hubState());
        info.nextSession().ifPresent(next -> overlay(a, "center", "deltay=" + h * 30 / 720, "Sans 13px",
                IdleInfo.NEXT + next));
        overlay(a, "bottom", "ypad=" + h * 90 / 720, "Sans Bold 14px", IdleInfo.PROMPT);
        a.addAll(List.of("!", "clockoverlay", "halignment=right", "valignment=top", "time-format=%H:%M  %d/%m/%Y",
                "font-desc=Sans 12px", "!", "videoconvert", "!", "identity", "name=imeter", "silent=false", "!"));
        a.addAll(List.of(new PipelineRecipe(s, f -> true, "", "").videoSink().split(" ")));
        return a;
    }

    private static void overlay(List<String> a, String valign, String offset, String font, String text) {
        a.addAll(List.of("!", "textoverlay", "valignment=" + valign, "halignment=center", offset, "font-desc=" + font,
                "text=" + displaySafe(text)));
    }

    /**
     * Pango markup escaped; characters gst-launch's parser would take for syntax replaced by
     * look-alikes (a straight quote starts a string there, a backslash escapes, a line break ends
     * the description).
     */
    static String displaySafe(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace('"', '”').replace('\\', '/').replace('\n', ' ').replace('\r', ' ');
    }

    /** Frames rendered by the slate since the box started (for tests and the local page). */
    public long framesRendered() {
        return frames.get();
    }

    public synchronized boolean showing() {
        return child.map(Process::isAlive).orElse(false);
    }

    /** What the slate shows now, if it is up. */
    public synchronized Optional<IdleInfo> shown() {
        return showing() ? shown : Optional.empty();
    }

    /** Stops the slate and releases the display. Idempotent. */
    public synchronized void hide() {
        if (child.isPresent()) {
            stop();
            log.info("Idle screen hidden");
        }
    }

    private void stop() {
        child.ifPresent(p -> {
            p.destroy();
            try {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        child = Optional.empty();
        shown = Optional.empty();
    }

    @Override
    public void close() {
        hide();
        spawner.shutdown();
    }
}
