package vn.diemcau.appliance.conference;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.call.CallStats;
import vn.diemcau.appliance.call.Conference;
import vn.diemcau.appliance.call.ConferenceListener;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.media.MediaCall;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.appliance.media.MediaException;

/**
 * {@link Conference} on a Janus VideoRoom over Janus's HTTP JSON API, with media from a
 * {@link MediaEngine}.
 *
 * <pre>
 *   idle ──join──▶ joining ──Janus reports media──▶ in call ──leave──▶ idle (left)
 *                     │                                │
 *                     └── wrong PIN / no such room ──▶ idle (failed, not retryable)
 *                     └── unreachable / broken ──────▶ waiting (failed, retryable) ──backoff──▶ joining
 * </pre>
 * With {@link JanusOptions#autoRejoin()} a retryable failure is reported and then retried by
 * itself with exponential backoff until it works or {@link #leave()}/{@link #join} is called.
 * All work runs on one named thread; listener calls come from it.
 */
public final class JanusConference implements Conference {
    private static final Logger log = LoggerFactory.getLogger(JanusConference.class);

    private final MediaEngine media;
    private final JanusOptions options;
    private final HttpClient http;
    private final ExecutorService exec;
    private final ScheduledExecutorService timer;
    private final JanusCall.Outcome outcome = new JanusCall.Outcome() {
        @Override
        public void joined(JanusCall c, Duration timeToJoin) {
            exec.execute(() -> onJoined(c, timeToJoin));
        }

        @Override
        public void broken(JanusCall c, String reason, boolean retryable) {
            exec.execute(() -> onBroken(c, reason, retryable));
        }
    };
    // Owned by the conference thread.
    private JoinRequest request;
    private ConferenceListener listener;
    private ScheduledFuture<?> rejoin;
    private int failures;
    private boolean wanted;
    private volatile JanusCall call;
    private JanusCall.Spare spare;
    private volatile boolean closed;

    public JanusConference(MediaEngine media, JanusOptions options) {
        this.media = Objects.requireNonNull(media, "media");
        this.options = Objects.requireNonNull(options, "options");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
        this.exec = Executors.newSingleThreadExecutor(r -> new Thread(r, "janus-conference"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "janus-timer"));
    }

    @Override
    public void join(JoinRequest request, ConferenceListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        long t0 = System.nanoTime();
        exec.execute(() -> {
            cancelRejoin();
            if (call != null) stopCall(true);
            this.request = request;
            this.listener = listener;
            this.wanted = true;
            this.failures = 0;
            startCall(t0);
        });
    }

    private void startCall(long t0) {
        if (closed || !wanted) return;
        long room;
        try {
            room = Long.parseLong(request.room().trim());
        } catch (NumberFormatException e) {
            report("room not found", false);
            return;
        }
        JanusCall c = new JanusCall(request, room, media, options.forCall(request), http, exec, timer, outcome, t0);
        call = c;
        Optional<JanusCall.Spare> ready = Optional.ofNullable(spare);
        spare = null;
        try {
            c.start(ready);
        } catch (JanusException e) {
            onBroken(c, describe(e), e.transport() || e.code() == 0);
        } catch (MediaException e) {
            onBroken(c, "media could not start: " + e.getMessage(), false);
        } catch (RuntimeException e) {
            log.warn("Joining failed", e);
            onBroken(c, "joining failed: " + e, true);
        }
    }

    private static String describe(JanusException e) {
        return switch (e.code()) {
            case 433 -> "wrong room PIN";
            case 426 -> "room not found";
            case 0 -> "conference server unreachable (" + e.getMessage() + ")";
            default -> "conference server refused the join (" + e.getMessage() + ")";
        };
    }

    private void onJoined(JanusCall c, Duration timeToJoin) {
        if (c != call) return;
        failures = 0;
        listener.joined(timeToJoin);
        exec.execute(() -> prepareNow(request.server()));
    }

    /**
     * Keeps a Janus session with an attached VideoRoom handle ready on {@code server}, so the
     * next {@code join} there skips two round trips. Called by itself after each join; the
     * appliance may call it at start-up with its configured server. Failures are ignored.
     */
    public void prepare(java.net.URI server) {
        Objects.requireNonNull(server, "server");
        exec.execute(() -> prepareNow(server));
    }

    private void prepareNow(java.net.URI server) {
        if (closed) return;
        if (spare != null && spare.server().equals(server) && !spare.session().closed()) return;
        if (spare != null) spare.session().close();
        spare = null;
        try {
            spare = JanusCall.Spare.create(server, http, options);
        } catch (JanusException e) {
            log.debug("No spare Janus session on {}: {}", server, e.getMessage());
        }
    }

    private void onBroken(JanusCall c, String reason, boolean retryable) {
        if (c != call) return;
        log.warn("Call in room {} failed: {} (retryable: {})", request.room(), reason, retryable);
        stopCall(true);
        report(reason, retryable);
        if (retryable && options.autoRejoin() && wanted && !closed) {
            long delay = Math.min(options.backoffMax().toMillis(), options.backoffInitial().toMillis() << Math.min(failures, 20));
            failures++;
            log.info("Rejoining room {} in {} ms (attempt {})", request.room(), delay, failures);
            rejoin = timer.schedule(() -> exec.execute(() -> {
                if (call == null) startCall(System.nanoTime());
            }), delay, TimeUnit.MILLISECONDS);
        } else {
            wanted = false;
        }
    }

    private void report(String reason, boolean retryable) {
        try {
            listener.failed(reason, retryable);
        } catch (RuntimeException e) {
            log.warn("Conference listener threw", e);
        }
    }

    private void stopCall(boolean polite) {
        JanusCall c = call;
        call = null;
        if (c != null) c.close(polite);
    }

    private void cancelRejoin() {
        if (rejoin != null) rejoin.cancel(false);
        rejoin = null;
    }

    @Override
    public void leave() {
        exec.execute(() -> {
            boolean was = wanted || call != null;
            wanted = false;
            cancelRejoin();
            stopCall(true);
            if (was && listener != null) listener.left();
        });
    }

    @Override
    public void restartMedia() {
        exec.execute(() -> {
            if (call == null) return;
            log.info("Restarting media: rejoining room {}", request.room());
            stopCall(true);
            startCall(System.nanoTime());
        });
    }

    /** Mutes the microphone through the media engine: the current call and any rejoin publish silence (Opus keeps flowing). */
    @Override
    public void setMuted(boolean muted) {
        media.microphoneMuted(muted);
    }

    @Override
    public Optional<CallStats> stats() {
        JanusCall c = call;
        return c == null ? Optional.empty() : c.stats();
    }

    /** The media of the current call, if any (for playback counters and diagnostics). */
    public Optional<MediaCall> mediaCall() {
        JanusCall c = call;
        return c == null ? Optional.empty() : c.mediaCall();
    }

    /** The feed id Janus gave this box in the current call (0 when not joined). */
    public long ownFeed() {
        JanusCall c = call;
        return c == null ? 0 : c.ownFeed();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            exec.submit(() -> {
                wanted = false;
                cancelRejoin();
                stopCall(true);
                if (spare != null) spare.session().close();
                spare = null;
            }).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            log.warn("Closing the conference did not finish cleanly: {}", e.toString());
        }
        timer.shutdownNow();
        exec.shutdownNow();
        log.info("Janus conference closed");
    }
}
