package vn.diemcau.appliance.conference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.call.CallStats;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.media.CallSignals;
import vn.diemcau.appliance.media.MediaCall;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.appliance.media.VideoLayout;

/**
 * One attempt to be in a VideoRoom: Janus session, publisher handle, media pipeline and one
 * subscriber handle per played feed. Every method runs on the conference executor; GStreamer
 * and long-poll callbacks are moved there first. Outcomes go to {@link Outcome} once.
 */
final class JanusCall implements CallSignals {
    private static final Logger log = LoggerFactory.getLogger(JanusCall.class);
    static final String PLUGIN = "janus.plugin.videoroom";

    interface Outcome {
        void joined(JanusCall call, Duration timeToJoin);

        void broken(JanusCall call, String reason, boolean retryable);
    }

    private final JoinRequest request;
    private final long room;
    private final MediaEngine media;
    private final JanusOptions options;
    private final HttpClient httpClient;
    private final Executor exec;
    private final ScheduledExecutorService timer;
    private final Outcome outcome;
    private final long startNanos;
    private final Map<Long, JanusHandle> subscribers = new HashMap<>();
    private JanusSession session;
    private JanusHandle publisher;
    private MediaCall mediaCall;
    private ScheduledFuture<?> mediaDeadline;
    private long ownFeed;
    private boolean joined;
    private boolean done;
    private volatile long webrtcUpNanos;

    JanusCall(JoinRequest request, long room, MediaEngine media, JanusOptions options, HttpClient httpClient,
              Executor exec, ScheduledExecutorService timer, Outcome outcome, long startNanos) {
        this.request = request;
        this.room = room;
        this.media = media;
        this.options = options;
        this.httpClient = httpClient;
        this.exec = exec;
        this.timer = timer;
        this.outcome = outcome;
        this.startNanos = startNanos;
    }

    /** A session with a publisher handle attached, made before the join (see {@link JanusConference#prepare}). */
    record Spare(java.net.URI server, JanusSession session, JanusHandle publisher) {
        static Spare create(java.net.URI server, HttpClient client, JanusOptions options) {
            JanusSession s = new JanusSession(new JanusHttp(client, server, options.requestTimeout()), options.keepalive(),
                    reason -> { });
            try {
                return new Spare(server, s, s.attach(PLUGIN, e -> { }));
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }
    }

    /**
     * Session (the spare one if it fits), attach, join as publisher, start media. Throws
     * {@link JanusException} if Janus refuses or is unreachable.
     */
    void start(Optional<Spare> spare) {
        java.util.function.Consumer<String> lost = reason -> {
            try {
                exec.execute(() -> fail("conference server connection lost (" + reason + ")", true));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("Session lost after the conference closed: {}", reason);
            }
        };
        if (spare.isPresent() && spare.get().server().equals(request.server()) && !spare.get().session().closed()) {
            session = spare.get().session();
            session.onLost(lost);
            publisher = spare.get().publisher();
            publisher.listen(e -> exec.execute(() -> onPublisherEvent(e)));
        } else {
            spare.ifPresent(s -> s.session().close());
            JanusHttp http = new JanusHttp(httpClient, request.server(), options.requestTimeout());
            session = new JanusSession(http, options.keepalive(), lost);
            publisher = session.attach(PLUGIN, e -> exec.execute(() -> onPublisherEvent(e)));
        }
        ObjectNode join = JanusHttp.JSON.createObjectNode();
        join.put("request", "join").put("ptype", "publisher").put("room", room).put("display", request.displayName());
        if (!request.pin().isEmpty()) join.put("pin", request.pin());
        JsonNode joinedEvent = publisher.message(join, Optional.empty(), options.requestTimeout());
        JsonNode data = joinedEvent.path("plugindata").path("data");
        ownFeed = data.path("id").asLong();
        log.info("Joined room {} as feed {} ('{}') in {} ms, playing {}", room, ownFeed, request.displayName(), elapsedMs(),
                options.playAll() ? "all rooms" : "the centre ('" + options.centrePrefix() + "…')");
        mediaCall = media.openCall(this, options.playAll() ? VideoLayout.TILED : VideoLayout.SINGLE);
        mediaCall.start();
        mediaDeadline = timer.schedule(() -> exec.execute(() -> {
            if (!joined) fail("no media reached the conference server within " + options.mediaTimeout().toMillis() + " ms", true);
        }), options.mediaTimeout().toMillis(), TimeUnit.MILLISECONDS);
        data.path("publishers").forEach(this::maybeSubscribe);
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    long ownFeed() {
        return ownFeed;
    }

    Optional<CallStats> stats() {
        MediaCall m = mediaCall;
        return m == null ? Optional.empty() : m.stats();
    }

    Optional<MediaCall> mediaCall() {
        return Optional.ofNullable(mediaCall);
    }

    // --- signalling from the media pipeline (GStreamer threads) ---

    @Override
    public void publisherOffer(String sdp) {
        exec.execute(() -> guarded("publish", () -> {
            ObjectNode publish = JanusHttp.JSON.createObjectNode();
            publish.put("request", "publish").put("display", request.displayName());
            JsonNode ev = publisher.message(publish, Optional.of(jsep("offer", sdp)), options.requestTimeout());
            String answer = ev.path("jsep").path("sdp").asText("");
            if (answer.isEmpty()) throw new JanusException(0, "Janus sent no answer to the publish offer", true, null);
            mediaCall.publisherAnswer(answer);
            log.debug("Publishing, answer applied at {} ms", elapsedMs());
        }));
    }

    @Override
    public void publisherCandidate(int mlineIndex, String candidate) {
        exec.execute(() -> guarded("trickle", () -> publisher.trickle(mlineIndex, candidate)));
    }

    @Override
    public void subscriberAnswer(long feed, String sdp) {
        exec.execute(() -> guarded("start feed " + feed, () -> {
            JanusHandle h = subscribers.get(feed);
            if (h == null) return;
            ObjectNode start = JanusHttp.JSON.createObjectNode();
            start.put("request", "start");
            h.send(start, Optional.of(jsep("answer", sdp)));
        }));
    }

    @Override
    public void subscriberCandidate(long feed, int mlineIndex, String candidate) {
        exec.execute(() -> guarded("trickle feed " + feed, () -> {
            JanusHandle h = subscribers.get(feed);
            if (h != null) h.trickle(mlineIndex, candidate);
        }));
    }

    @Override
    public void mediaFailed(String reason) {
        exec.execute(() -> fail("media failed: " + reason, true));
    }

    // --- events from Janus (moved to the conference executor) ---

    private void onPublisherEvent(JsonNode e) {
        if (done) return;
        switch (e.path("janus").asText()) {
            case "webrtcup" -> {
                webrtcUpNanos = System.nanoTime();
                log.debug("Janus: webrtcup at {} ms", elapsedMs());
            }
            case "media" -> {
                if (e.path("receiving").asBoolean() && !joined) {
                    joined = true;
                    if (mediaDeadline != null) mediaDeadline.cancel(false);
                    Duration ttj = Duration.ofNanos(System.nanoTime() - startNanos);
                    log.info("Janus receives {} from the box: time to join {} ms", e.path("type").asText(), ttj.toMillis());
                    outcome.joined(this, ttj);
                }
            }
            case "hangup" -> fail("the conference server hung up the media (" + e.path("reason").asText() + ")", true);
            case "trickle" -> {
                JsonNode c = e.path("candidate");
                if (!c.path("completed").asBoolean() && c.has("candidate")) {
                    mediaCall.publisherCandidate(c.path("sdpMLineIndex").asInt(), c.path("candidate").asText());
                }
            }
            case "event" -> {
                JsonNode data = e.path("plugindata").path("data");
                data.path("publishers").forEach(this::maybeSubscribe);
                for (String gone : new String[] {"unpublished", "leaving"}) {
                    if (data.path(gone).canConvertToLong()) unsubscribe(data.path(gone).asLong());
                }
            }
            default -> log.debug("Janus publisher event: {}", e);
        }
    }

    private void maybeSubscribe(JsonNode publisherInfo) {
        long feed = publisherInfo.path("id").asLong();
        String display = publisherInfo.path("display").asText("");
        if (done || feed == 0 || feed == ownFeed || subscribers.containsKey(feed) || !options.plays(display)) return;
        guarded("subscribe to feed " + feed, () -> {
            JanusHandle h = session.attach(PLUGIN, ev -> exec.execute(() -> onSubscriberEvent(feed, ev)));
            subscribers.put(feed, h);
            ObjectNode join = JanusHttp.JSON.createObjectNode();
            join.put("request", "join").put("ptype", "subscriber").put("room", room);
            if (!request.pin().isEmpty()) join.put("pin", request.pin());
            join.putArray("streams").addObject().put("feed", feed);
            JsonNode attached = h.message(join, Optional.empty(), options.requestTimeout());
            String offer = attached.path("jsep").path("sdp").asText("");
            if (offer.isEmpty()) throw new JanusException(0, "Janus sent no offer for feed " + feed, true, null);
            log.info("Playing feed {} ('{}')", feed, display);
            mediaCall.subscribe(feed, offer);
        });
    }

    private void onSubscriberEvent(long feed, JsonNode e) {
        if (done) return;
        switch (e.path("janus").asText()) {
            case "trickle" -> {
                JsonNode c = e.path("candidate");
                if (!c.path("completed").asBoolean() && c.has("candidate")) {
                    mediaCall.subscriberCandidate(feed, c.path("sdpMLineIndex").asInt(), c.path("candidate").asText());
                }
            }
            case "hangup" -> unsubscribe(feed);
            default -> log.debug("Janus subscriber event for feed {}: {}", feed, e);
        }
    }

    private void unsubscribe(long feed) {
        JanusHandle h = subscribers.remove(feed);
        if (h == null) return;
        log.info("Feed {} left; stopping its playback", feed);
        mediaCall.unsubscribe(feed);
        h.detachQuietly();
    }

    private void guarded(String what, Runnable step) {
        if (done) return;
        try {
            step.run();
        } catch (JanusException e) {
            fail(what + " failed: " + e.getMessage(), e.transport() || e.code() == 0);
        } catch (RuntimeException e) {
            log.warn("{} failed", what, e);
            fail(what + " failed: " + e.getMessage(), true);
        }
    }

    private void fail(String reason, boolean retryable) {
        if (done) return;
        outcome.broken(this, reason, retryable);
    }

    long webrtcUpNanos() {
        return webrtcUpNanos;
    }

    /** Leaves the room (if {@code polite}), stops media, destroys the session. Idempotent. */
    void close(boolean polite) {
        if (done) return;
        done = true;
        if (mediaDeadline != null) mediaDeadline.cancel(false);
        if (polite && publisher != null && session != null && !session.closed()) {
            try {
                ObjectNode leave = JanusHttp.JSON.createObjectNode().put("request", "leave");
                publisher.send(leave, Optional.empty());
            } catch (JanusException e) {
                log.debug("leave failed: {}", e.getMessage());
            }
        }
        try {
            if (mediaCall != null) mediaCall.close();
        } catch (RuntimeException e) {
            log.warn("Stopping the call's media failed: {}", e.getMessage());
        }
        try {
            if (session != null) session.close();
        } catch (RuntimeException e) {
            log.warn("Closing the Janus session failed: {}", e.getMessage());
        }
        subscribers.clear();
    }

    private static ObjectNode jsep(String type, String sdp) {
        ObjectNode j = JanusHttp.JSON.createObjectNode();
        j.put("type", type).put("sdp", sdp);
        return j;
    }
}
