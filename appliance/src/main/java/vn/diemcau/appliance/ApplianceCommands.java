package vn.diemcau.appliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.call.CallMachine;
import vn.diemcau.appliance.call.CallStatus;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.appliance.fleet.CommandHandler;
import vn.diemcau.protocol.Command.ApplyConfig;
import vn.diemcau.protocol.BoxConfig;
import vn.diemcau.protocol.Command;
import vn.diemcau.protocol.ConferenceView;
import vn.diemcau.protocol.CommandRequest;
import vn.diemcau.protocol.DesiredState;
import vn.diemcau.protocol.Command.CollectLogs;
import vn.diemcau.protocol.Command.Identify;
import vn.diemcau.protocol.Command.Join;
import vn.diemcau.protocol.Command.Leave;
import vn.diemcau.protocol.Command.Reboot;
import vn.diemcau.protocol.ReportedState;
import vn.diemcau.protocol.Command.RestartMedia;
import vn.diemcau.protocol.Command.SelfTest;
import vn.diemcau.protocol.Command.Snapshot;

/** Hub commands and desired state, executed on the call machine and the config store. */
final class ApplianceCommands implements CommandHandler {

    private static final Logger log = LoggerFactory.getLogger(ApplianceCommands.class);

    private final CallMachine call;
    private final ConfigStore config;
    private final Clock clock;
    private final java.util.function.Supplier<ApplianceSnapshot> snapshot;
    private final SnapshotCommand snapshots;
    private final LogsCommand logs;
    private final java.util.function.Consumer<Optional<vn.diemcau.protocol.UpcomingSession>> upcoming;
    private volatile Optional<JoinRequest> desiredSession = Optional.empty();

    ApplianceCommands(CallMachine call, ConfigStore config, Clock clock, java.util.function.Supplier<ApplianceSnapshot> snapshot,
                      SnapshotCommand snapshots, LogsCommand logs,
                      java.util.function.Consumer<Optional<vn.diemcau.protocol.UpcomingSession>> upcoming) {
        this.upcoming = upcoming;
        this.call = call;
        this.snapshots = snapshots;
        this.logs = logs;
        this.config = config;
        this.clock = clock;
        this.snapshot = snapshot;
    }

    @Override
    public CompletionStage<Map<String, Object>> execute(CommandRequest request) {
        Command c = request.command();
        return switch (c) {
            case Join j -> call.join(request(j)).thenApply(v -> Map.<String, Object>of("room", j.room()));
            case Leave l -> call.leave().thenApply(v -> Map.of());
            case RestartMedia r -> call.restartMedia().thenApply(v -> Map.of());
            case Identify i -> {
                if (i.seconds() < 1 || i.seconds() > 3600) throw new CommandRejectedException("seconds must be 1..3600, was " + i.seconds());
                call.identify(Duration.ofSeconds(i.seconds()));
                yield CompletableFuture.completedFuture(Map.of("seconds", i.seconds()));
            }
            case ApplyConfig a -> CompletableFuture.supplyAsync(() -> {
                applyConfig(a.version(), a.config());
                return Map.<String, Object>of("configVersion", a.version());
            }, Runnable::run);
            case SelfTest s -> CompletableFuture.completedFuture(selfTest());
            case Snapshot s -> snapshots.take(request.id());
            case CollectLogs l -> logs.collect(request.id(), l.lines());
            case Reboot r -> reboot();
        };
    }

    @Override
    public CompletionStage<Void> applyDesired(DesiredState desired) {
        try {
            desired.config().ifPresent(c -> applyConfig(desired.version(), c));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        upcoming.accept(desired.upcoming());
        Optional<JoinRequest> previous = desiredSession;
        Optional<JoinRequest> wanted = desired.session().map(ApplianceCommands::request);
        desiredSession = wanted;
        call.designate(wanted);
        if (wanted.isPresent() && wanted.equals(previous)) {
            // A new version for something else (the next session, the config): a room that left this session stays out.
            log.debug("Desired state {}: session unchanged", desired.version());
        } else if (wanted.isPresent()) {
            call.join(wanted.get()).exceptionally(e -> {
                log.warn("Joining the desired session (room {}) did not succeed: {}", wanted.get().room(), e.getMessage());
                return null;
            });
        } else if (previous.isPresent() && call.snapshot().status().session().equals(previous)) {
            call.leave();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public ReportedState reported() {
        CallStatus s = call.snapshot().status();
        return new ReportedState(config.current().configVersion(), clock.instant(), ProtocolMapping.state(s),
                s.session().map(JoinRequest::room),
                s instanceof CallStatus.Failed f ? Optional.of(f.reason()) : config.problem(), call.snapshot().muted(),
                s.session().map(this::view));
    }

    /** The view a call of {@code r} uses: the session's designation, else the box's config ({@code media.playAll}). */
    private ConferenceView view(JoinRequest r) {
        return ProtocolMapping.view(MediaConfig.view(r, config.current().media()));
    }

    private static JoinRequest request(Join j) {
        return new JoinRequest(j.conferenceUrl(), j.room(), j.pin(), j.displayName(), j.view().map(ProtocolMapping::view),
                j.centre());
    }

    private void applyConfig(long version, BoxConfig c) {
        config.update(tree -> {
            tree.put("configVersion", version);
            tree.put("displayName", c.displayName());
            tree.put("commune", c.commune());
            tree.put("telemetryIntervalSeconds", c.telemetryIntervalSeconds());
            ObjectNode media = tree.get("media") instanceof ObjectNode m ? m : tree.putObject("media");
            ObjectNode video = media.get("video") instanceof ObjectNode v ? v : media.putObject("video");
            video.put("width", c.videoWidth());
            video.put("height", c.videoHeight());
            video.put("fps", c.videoFps());
            video.put("bitrateKbps", c.videoBitrateKbps());
            return tree;
        });
    }

    private Map<String, Object> selfTest() {
        ApplianceSnapshot s = snapshot.get();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("hardware", s.hardware());
        r.put("hubConnected", s.fleet().connected());
        r.put("pendingEvents", s.fleet().pendingEvents());
        r.put("call", s.call().status().getClass().getSimpleName());
        r.put("lights", s.call().lights().name());
        r.put("configProblem", s.configProblem().orElse(""));
        s.health().ifPresent(h -> {
            r.put("memAvailableBytes", h.memAvailableBytes());
            r.put("diskFreeBytes", h.diskFreeBytes());
            h.cpuTemperatureC().ifPresent(t -> r.put("cpuTemperatureC", t));
        });
        return r;
    }

    private CompletionStage<Map<String, Object>> reboot() {
        if (config.current().devMode()) throw new CommandRejectedException("reboot is disabled in devMode");
        CompletableFuture<Map<String, Object>> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Process p = new ProcessBuilder("systemctl", "--no-wall", "reboot").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                if (p.waitFor() == 0) done.complete(Map.of("rebooting", true));
                else done.completeExceptionally(new IllegalStateException("systemctl reboot failed: " + out));
            } catch (IOException e) {
                done.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(e);
            }
        }, "reboot");
        t.setDaemon(true);
        t.start();
        return done;
    }
}
