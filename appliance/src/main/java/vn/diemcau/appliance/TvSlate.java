package vn.diemcau.appliance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.call.CallStatus;
import vn.diemcau.appliance.media.IdleInfo;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.protocol.UpcomingSession;

/**
 * What the room's TV shows while no call has it: the room's name, the clock, whether the hub is
 * reachable, the next session the hub scheduled and "Nhấn nút xanh để tham gia / Press the
 * green button to join" — or, until the local page's first run is done, its setup code. The slate
 * gives way as soon as a call needs the display (joining, in call, retrying, leaving) and comes
 * back when the room is idle again. Changes run on the {@code tv-slate} thread. A box without a
 * media engine has no TV: nothing happens.
 */
final class TvSlate implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TvSlate.class);
    static final String NOT_SET_UP = "Chưa cài đặt / Not set up";
    static final String HUB_UP = "Đã kết nối trung tâm / Connected to the hub";
    static final String HUB_DOWN = "Mất kết nối trung tâm / The hub is unreachable";
    static final String NO_HUB_YET = "Chưa kết nối trung tâm / Not connected to a hub yet";
    static final String CONNECTING = "Đang kết nối trung tâm… / Connecting to the hub…";

    private final java.util.function.Supplier<Optional<MediaEngine>> media;
    private final Clock clock;
    private final ZoneId zone;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("tv-slate").daemon(true).factory());
    private Optional<String> setupCode = Optional.empty();
    private Optional<ApplianceSnapshot> box = Optional.empty();

    /** @param media the box's media engine, when it has one (it may come with provisioning) */
    TvSlate(java.util.function.Supplier<Optional<MediaEngine>> media, Clock clock) {
        this(media, clock, ZoneId.systemDefault());
    }

    TvSlate(java.util.function.Supplier<Optional<MediaEngine>> media, Clock clock, ZoneId zone) {
        this.media = media;
        this.clock = clock;
        this.zone = zone;
    }

    /** The local page's pending setup code, or empty once its first run is done. */
    synchronized void setupCode(Optional<String> code) {
        setupCode = code;
        refresh();
    }

    /** The box's state changed (call, hub link, config, next session). */
    synchronized void appliance(ApplianceSnapshot s) {
        box = Optional.of(s);
        refresh();
    }

    /** Shows what fits the current state (at start, before the box has said anything). */
    synchronized void refresh() {
        Optional<MediaEngine> engine = media.get();
        if (engine.isEmpty() || worker.isShutdown()) return;
        Optional<IdleInfo> wanted = wanted(setupCode, box, clock.instant());
        worker.execute(() -> {
            try {
                if (wanted.isPresent()) {
                    engine.get().idleScreen().show(wanted.get());
                } else {
                    engine.get().idleScreen().hide();
                }
            } catch (RuntimeException e) {
                log.warn("TV slate update failed: {}", e.toString());
            }
        });
    }

    /** The slate for this state; empty while a call has the display. */
    Optional<IdleInfo> wanted(Optional<String> code, Optional<ApplianceSnapshot> s, Instant now) {
        if (s.isPresent() && !displayFree(s.get().call().status())) return Optional.empty();
        String room = s.map(ApplianceSnapshot::displayName).filter(n -> !n.isBlank()).orElse(NOT_SET_UP);
        if (code.isPresent()) return Optional.of(new IdleInfo(room, "Mã cài đặt / Setup code: " + code.get(), Optional.empty()));
        if (s.isEmpty()) return Optional.of(new IdleInfo(room, NO_HUB_YET, Optional.empty()));
        // Not connected and nothing went wrong yet: the first connection is under way (a box just started).
        String hub = s.get().fleet().connected() ? HUB_UP : s.get().fleet().lastError().isEmpty() ? CONNECTING : HUB_DOWN;
        return Optional.of(new IdleInfo(room, hub, s.get().upcoming().map(u -> next(u, now))));
    }

    private String next(UpcomingSession u, Instant now) {
        return NextSession.describe(u, now, zone);
    }

    private static boolean displayFree(CallStatus status) {
        return status instanceof CallStatus.Idle || status instanceof CallStatus.Failed;
    }

    @Override
    public synchronized void close() {
        worker.shutdownNow();
    }
}
