package vn.diemcau.appliance;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.admin.ApplianceStatusAdapter;
import vn.diemcau.appliance.admin.StatusPort;
import vn.diemcau.appliance.call.Conference;
import vn.diemcau.appliance.config.BootSettings;
import vn.diemcau.appliance.config.ConferenceSettings;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.hardware.HardwareKit;
import vn.diemcau.hardware.LedPattern;

/**
 * The process around the {@link Appliance}: owns the hardware, the media engine and the conference,
 * and brings the appliance (call machine + fleet agent) up as soon as the config is valid — at
 * start, or later when the technician saves a valid provisioning on the local page, without
 * restarting the process.
 *
 * <p>Until then the box is <em>unprovisioned</em>: no fleet agent, the LEDs show
 * {@link LedPattern#NEEDS_SETUP} (green and red blink slowly together),
 * the join button only logs, the media engine (if the box has one) is started for the TV's idle
 * slate, and {@link #status()} reports the config problem. A bring-up that fails (e.g. a bad media
 * key) is logged and reported the same way and retried on the next config change: the process never
 * exits because of its config. Bring-up after a save runs on the {@code appliance-host} thread.
 */
final class ApplianceHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApplianceHost.class);

    private final ConfigStore store;
    private final Path stateDir;
    private final HardwareKit kit;
    private final BootSettings boot;
    private final Clock clock;
    private final Instant startedAt;
    private final List<Consumer<Appliance>> upListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("appliance-host").daemon().factory());
    private Optional<MediaEngine> media = Optional.empty();
    private Optional<Conference> conference = Optional.empty();
    private volatile Optional<Appliance> appliance = Optional.empty();
    private volatile Optional<String> problem = Optional.empty();
    private boolean closed;

    ApplianceHost(ConfigStore store, Path stateDir, HardwareKit kit, BootSettings boot, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.kit = Objects.requireNonNull(kit, "kit");
        this.boot = Objects.requireNonNull(boot, "boot");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
    }

    /**
     * Brings the appliance up now if the config is valid; otherwise enters unprovisioned mode and
     * waits for a valid config. Either way the media engine (if any) is running afterwards, so the
     * local page can be given {@link #media()}.
     */
    synchronized void start() {
        kit.joinButton().onPress(p -> {
            if (appliance.isEmpty()) log.warn("Join button pressed ({}) but the box is not provisioned yet: nothing to join", p);
        });
        store.addListener(c -> {
            if (appliance.isEmpty()) worker.execute(this::bringUp);
        });
        if (store.provisioned()) bringUp();
        if (appliance.isEmpty()) {
            if (boot.conferenceKind() == ConferenceSettings.Kind.JANUS && media.isEmpty()) media = slateMedia();
            kit.lights().show(LedPattern.NEEDS_SETUP);
            log.warn("Box not provisioned ({}): no hub connection until a valid config is saved on the local admin page",
                    problem().orElse("no valid config"));
        }
    }

    private synchronized void bringUp() {
        if (closed || appliance.isPresent() || !store.provisioned()) return;
        long t0 = System.nanoTime();
        try {
            Conferences.Built built = Conferences.create(store.current(), media);
            conference = Optional.of(built.conference());
            media = built.media();
            Appliance a = new Appliance(store, stateDir, built.conference(), built.media(), kit.joinButton(), kit.lights(), kit.board(), clock);
            a.start();
            kit.muteButton().ifPresent(b -> b.onPress(a::pressMute));
            appliance = Optional.of(a);
            problem = Optional.empty();
            log.info("Appliance {} up in {} ms", store.current().boxId(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            problem = Optional.of("cannot start the appliance: " + e.getMessage());
            log.error("Cannot start the appliance with this config ({}); fix it on the local admin page", e.getMessage(), e);
            conference.ifPresent(ApplianceHost::closeQuietly);
            conference = Optional.empty();
            kit.lights().show(LedPattern.ERROR);
            return;
        }
        Appliance up = appliance.get();
        for (Consumer<Appliance> l : upListeners) {
            try {
                l.accept(up);
            } catch (RuntimeException e) {
                log.warn("Appliance-up listener failed", e);
            }
        }
    }

    /** The media engine for the idle slate while unprovisioned; a box that cannot start one goes on without. */
    private Optional<MediaEngine> slateMedia() {
        try {
            MediaEngine m = new MediaEngine(MediaConfig.media(boot.media()));
            m.start();
            return Optional.of(m);
        } catch (RuntimeException e) {
            log.warn("No media engine while unprovisioned ({}): the setup code is only in this log", e.getMessage());
            return Optional.empty();
        }
    }

    /** Told (on the thread that brought it up) once the appliance runs; at once if it already does. */
    void onUp(Consumer<Appliance> listener) {
        upListeners.add(listener);
        appliance.ifPresent(listener);
    }

    Optional<Appliance> appliance() {
        return appliance;
    }

    synchronized Optional<MediaEngine> media() {
        return media;
    }

    ConfigStore config() {
        return store;
    }

    HardwareKit kit() {
        return kit;
    }

    /** Why the appliance is not running (not provisioned, or its bring-up failed); empty once it runs. */
    Optional<String> problem() {
        return appliance.isPresent() ? Optional.empty() : problem.or(store::problem);
    }

    /** For the systemd watchdog: the call thread answers, or there is no appliance yet. */
    boolean responsive() {
        return appliance.map(Appliance::responsive).orElse(true);
    }

    /** The local page's status: the appliance's once it runs, else an unprovisioned box. */
    StatusPort status() {
        return () -> appliance.map(a -> new ApplianceStatusAdapter(a::snapshot).status()).orElseGet(this::unprovisioned);
    }

    private StatusPort.BoxStatus unprovisioned() {
        String boxId = store.fileTree().path("boxId").asText("");
        String name = store.fileTree().path("displayName").asText("");
        String why = problem().orElse("not provisioned");
        return new StatusPort.BoxStatus(boxId, name, Version.SOFTWARE, kit.board(), startedAt, "IDLE", Optional.empty(),
                Optional.empty(), false, startedAt, Optional.of("not provisioned"), 0, Optional.empty(), Optional.of(why),
                Optional.empty(), Optional.empty());
    }

    /** Stops the appliance (leave, OFFLINE), then the conference and media engine. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        worker.shutdownNow();
        appliance.ifPresent(ApplianceHost::closeQuietly);
        if (conference.isPresent()) conference.ifPresent(ApplianceHost::closeQuietly);
        else media.ifPresent(ApplianceHost::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed", c.getClass().getSimpleName(), e);
        }
    }
}
