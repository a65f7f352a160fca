package vn.diemcau.appliance;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.admin.RecentLog;
import vn.diemcau.appliance.call.CallMachine;
import vn.diemcau.appliance.call.CallPolicy;
import vn.diemcau.appliance.call.CallSnapshot;
import vn.diemcau.appliance.call.CallStatus;
import vn.diemcau.appliance.call.Conference;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.call.ThreadScheduler;
import vn.diemcau.appliance.config.ApplianceConfig;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.appliance.fleet.FleetAgent;
import vn.diemcau.appliance.fleet.FleetSettings;
import vn.diemcau.appliance.health.HealthSample;
import vn.diemcau.appliance.health.HealthSampler;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.hardware.Button;
import vn.diemcau.hardware.StatusLights;
import vn.diemcau.protocol.Event.ButtonPressed;
import vn.diemcau.protocol.Event.CallStateChanged;
import vn.diemcau.protocol.DeviceId;
import vn.diemcau.protocol.Event.PeripheralFound;
import vn.diemcau.protocol.Event.PeripheralLost;
import vn.diemcau.protocol.Peripheral;
import vn.diemcau.protocol.Peripherals;
import vn.diemcau.protocol.Telemetry;

/**
 * The room appliance, wired: join button → {@link CallMachine} → conference and LEDs; every press
 * and call transition → an event in the {@link FleetAgent}'s on-disk journal; hub commands →
 * {@link ApplianceCommands}. This is also the API of the local admin page: {@link #config()},
 * {@link #snapshot()}, {@link #addListener}, and the actions {@link #press}, {@link #pressMute}, {@link #join},
 * {@link #leave}, {@link #restartMedia}, {@link #identify}.
 */
public final class Appliance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Appliance.class);

    private final ConfigStore config;
    private final Conference conference;
    private final Button joinButton;
    private final String hardware;
    private final Clock clock;
    private final Instant startedAt;
    private final ThreadScheduler callThread = new ThreadScheduler("call-machine");
    private final CallMachine call;
    private final HealthSampler health;
    private final Path stateDir;
    private final ApplianceCommands commands;
    /** Guards replacing the fleet agent against events published meanwhile (the journal is reopened). */
    private final Object fleetLock = new Object();
    private volatile FleetAgent fleet;
    private volatile FleetSettings fleetSettings;
    private final List<Consumer<ApplianceSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<HealthSample> lastHealth = Optional.empty();
    private volatile Optional<vn.diemcau.protocol.UpcomingSession> upcoming = Optional.empty();
    private volatile long lastPong = System.nanoTime();
    private Optional<Peripherals> lastPeripherals = Optional.empty();

    /**
     * A box without media: snapshot commands are rejected.
     *
     * @param hardware a description of the board for logs and the local page
     */
    public Appliance(ConfigStore config, Path stateDir, Conference conference, Button joinButton, StatusLights lights,
                     String hardware, Clock clock) {
        this(config, stateDir, conference, Optional.empty(), joinButton, lights, hardware, clock);
    }

    /**
     * @param media    the media engine the conference runs on (camera snapshots for the hub); empty without media
     * @param hardware a description of the board for logs and the local page
     */
    public Appliance(ConfigStore config, Path stateDir, Conference conference, Optional<MediaEngine> media, Button joinButton,
                     StatusLights lights, String hardware, Clock clock) {
        this.config = config;
        this.conference = conference;
        this.joinButton = joinButton;
        this.hardware = hardware;
        this.clock = clock;
        this.startedAt = clock.instant();
        ApplianceConfig c = config.current();
        this.call = new CallMachine(conference, lights, callThread, clock, policy(c));
        this.health = HealthSampler.system(stateDir, clock);
        this.stateDir = stateDir;
        this.commands = new ApplianceCommands(call, config, clock, this::snapshot,
                new SnapshotCommand(SnapshotCommand.of(media), this::publishSnapshot),
                new LogsCommand(RecentLog.attached()::last, this::publishLogs), this::upcomingChanged);
        this.fleetSettings = fleetSettings(c);
        this.fleet = new FleetAgent(fleetSettings, commands, this::telemetry, clock);
    }

    private FleetSettings fleetSettings(ApplianceConfig c) {
        return new FleetSettings(DeviceId.of(c.boxId()), c.hub(), c.telemetryInterval(), stateDir,
                c.events().journalMaxEvents(), Version.SOFTWARE, Version.hardwareModel(), capabilities(c));
    }

    /** Starts the call machine, the button and the fleet agent (idempotent through the components). */
    public void start() {
        call.addListener(this::onTransition);
        call.addMuteListener(muted -> {
            fleet.publishReported();
            notifyListeners();
        });
        config.addListener(c -> {
            call.policy(policy(c));
            FleetSettings wanted = fleetSettings(c);
            if (!wanted.box().equals(fleetSettings.box()) || !wanted.hub().equals(fleetSettings.hub())) {
                reconnect(wanted);
            } else {
                fleet.telemetryInterval(c.telemetryInterval());
            }
            notifyListeners();
        });
        joinButton.onPress(this::press);
        startFleet(fleet);
        log.info("Appliance {} started ({}; conference {})", config.current().boxId(), hardware, config.current().conference().kind());
    }

    private void startFleet(FleetAgent agent) {
        agent.addLinkListener(up -> {
            if (agent != fleet) return;
            call.hubReachable(up);
            notifyListeners();
        });
        agent.start();
    }

    /**
     * A new box id or hub (saved on the local page, or rolled back): the fleet agent is replaced —
     * the old one says OFFLINE and disconnects, the new one connects with the new identity and
     * sends the queued events. The call is not touched.
     */
    private void reconnect(FleetSettings wanted) {
        synchronized (fleetLock) {
            log.info("Hub settings changed: reconnecting as {} to {}", wanted.box().value(), wanted.hub().brokerUrl());
            FleetAgent old = fleet;
            old.close();
            fleetSettings = wanted;
            FleetAgent next = new FleetAgent(wanted, commands, this::telemetry, clock);
            fleet = next;
            call.hubReachable(false);
            startFleet(next);
        }
    }

    /** A press of the join button, physical or from the local page: journalled as an event, then acted on. */
    public void press(Button.Press press) {
        publishEvent(seq -> new ButtonPressed(seq, clock.instant(), "join", press == Button.Press.LONG));
        call.button(press);
    }

    /**
     * A press of the mute button (physical, when the hardware has one): journalled as an event
     * ({@code button_pressed} "mute"), then toggles the microphone's mute while a call is on.
     */
    public void pressMute(Button.Press press) {
        publishEvent(seq -> new ButtonPressed(seq, clock.instant(), "mute", press == Button.Press.LONG));
        call.toggleMute();
    }

    public CompletableFuture<Void> join(JoinRequest request) {
        return call.join(request);
    }

    public CompletableFuture<Void> leave() {
        return call.leave();
    }

    public CompletableFuture<Void> restartMedia() {
        return call.restartMedia();
    }

    public void identify(Duration duration) {
        call.identify(duration);
    }

    /**
     * Whether the call thread still runs tasks: true when it answered a ping within the last 30 s.
     * Called by the systemd watchdog; a stuck thread stops the pings and systemd restarts the box's program.
     */
    public boolean responsive() {
        callThread.execute(() -> lastPong = System.nanoTime());
        return System.nanoTime() - lastPong < Duration.ofSeconds(30).toNanos();
    }

    public ConfigStore config() {
        return config;
    }

    public ApplianceSnapshot snapshot() {
        ApplianceConfig c = config.current();
        CallSnapshot calls = call.snapshot();
        return new ApplianceSnapshot(c.boxId(), c.displayName(), Version.SOFTWARE, hardware, startedAt, calls,
                fleet.snapshot(), lastHealth, config.problem(), upcoming,
                calls.status().session().map(r -> MediaConfig.view(r, c.media())));
    }

    /** Told (on an appliance thread) after every call transition, hub link change and config change. */
    public void addListener(Consumer<ApplianceSnapshot> listener) {
        listeners.add(listener);
    }

    private void onTransition(CallStatus from, CallStatus to) {
        Optional<Long> ttj = to instanceof CallStatus.InCall c ? Optional.of(c.timeToJoin().toMillis()) : Optional.empty();
        publishEvent(seq -> new CallStateChanged(seq, clock.instant(), ProtocolMapping.state(from),
                ProtocolMapping.state(to), to.session().or(from::session).map(JoinRequest::room),
                ProtocolMapping.reason(to), ttj));
        synchronized (fleetLock) {
            fleet.publishReported();
        }
        notifyListeners();
    }

    private void notifyListeners() {
        if (listeners.isEmpty()) return;
        ApplianceSnapshot s = snapshot();
        for (Consumer<ApplianceSnapshot> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                log.warn("Appliance listener failed", e);
            }
        }
    }

    private void publishSnapshot(String commandId, byte[] jpeg) {
        fleet.publishSnapshot(commandId, jpeg);
    }

    /** The hub's desired state named the next session scheduled for this room (or none). */
    private void upcomingChanged(Optional<vn.diemcau.protocol.UpcomingSession> next) {
        if (next.equals(upcoming)) return;
        upcoming = next;
        next.ifPresentOrElse(n -> log.info("Next session: {} at {}", n.title(), n.startsAt()),
                () -> log.info("No session scheduled for this room"));
        notifyListeners();
    }

    private void publishLogs(String commandId, byte[] text) {
        fleet.publishLogs(commandId, text);
    }

    private Telemetry telemetry() {
        HealthSample h = health.sample();
        lastHealth = Optional.of(h);
        Peripherals now = new PeripheralProbe(config.current().media()).probe();
        peripheralChanges(now);
        return ProtocolMapping.telemetry(h, call.snapshot(), conference.stats(), now);
    }

    /** A camera, microphone or speaker that appeared or went away since the previous telemetry becomes an event. */
    private void peripheralChanges(Peripherals now) {
        Optional<Peripherals> before = lastPeripherals;
        lastPeripherals = Optional.of(now);
        if (before.isEmpty()) return;
        change(Peripheral.CAMERA, before.get().camera(), now.camera(), "/dev/video*");
        change(Peripheral.MICROPHONE, before.get().microphone(), now.microphone(), "ALSA capture");
        change(Peripheral.SPEAKER, before.get().speaker(), now.speaker(), "ALSA playback");
    }

    private void change(Peripheral kind, boolean was, boolean is, String name) {
        if (was == is) return;
        log.warn("{} {}", kind, is ? "found" : "lost");
        publishEvent(seq -> is ? new PeripheralFound(seq, clock.instant(), kind, name)
                : new PeripheralLost(seq, clock.instant(), kind, name));
    }

    private void publishEvent(java.util.function.LongFunction<? extends vn.diemcau.protocol.Event> event) {
        synchronized (fleetLock) {
            fleet.publishEvent(event);
        }
    }

    private static CallPolicy policy(ApplianceConfig c) {
        var cs = c.conference();
        return new CallPolicy(cs.retryInitial(), cs.retryMax(), cs.maxAttempts(), cs.joinTimeout(), Duration.ofSeconds(10),
                cs.defaultSession());
    }

    private static Set<String> capabilities(ApplianceConfig c) {
        return Set.of("join-button", "status-lights", "conference-" + c.conference().kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Leaves the call, then stops the fleet agent (publishing OFFLINE) and the call thread. */
    @Override
    public void close() {
        long t0 = System.nanoTime();
        try {
            call.leave().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Leaving the call on shutdown: {}", e.toString());
        }
        call.close();
        callThread.close();
        synchronized (fleetLock) {
            fleet.close();
        }
        log.info("Appliance stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
