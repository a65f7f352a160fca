package vn.diemcau.appliance.conference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Janus session: created on construction, kept alive every 25 s, its events long-polled on
 * a named thread and routed by {@code sender} to {@link JanusHandle}s (or to the request that is
 * waiting for them, by {@code transaction}). When the server goes away, {@code onLost} is told
 * once. Close destroys the session on the server (best effort).
 */
final class JanusSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JanusSession.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(40);

    private final JanusHttp http;
    private final long id;
    private volatile Consumer<String> onLost;
    private final Map<Long, JanusHandle> handles = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService keepalive;
    private final Thread poller;

    JanusSession(JanusHttp http, Duration keepaliveEvery, Consumer<String> onLost) {
        this.http = http;
        this.onLost = onLost;
        this.id = http.post("", JanusHttp.body("create")).path("data").path("id").asLong();
        this.keepalive = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "janus-keepalive-" + id));
        keepalive.scheduleWithFixedDelay(this::keepalive, keepaliveEvery.toMillis(), keepaliveEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        this.poller = Thread.ofPlatform().name("janus-poll-" + id).daemon(true).start(this::pollLoop);
        log.debug("Janus session {} created at {}", id, http.base());
    }

    /** Who is told (once) when the session is lost, from now on. */
    void onLost(Consumer<String> listener) {
        this.onLost = listener;
    }

    long id() {
        return id;
    }

    JanusHttp http() {
        return http;
    }

    JanusHandle attach(String plugin, Consumer<JsonNode> events) {
        ObjectNode body = JanusHttp.body("attach");
        body.put("plugin", plugin);
        long handleId = http.post("/" + id, body).path("data").path("id").asLong();
        JanusHandle h = new JanusHandle(this, handleId, events);
        handles.put(handleId, h);
        return h;
    }

    void forget(JanusHandle handle) {
        handles.remove(handle.id());
    }

    /** Registers a wait for the event carrying {@code transaction}. */
    CompletableFuture<JsonNode> expect(String transaction) {
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(transaction, f);
        f.whenComplete((v, e) -> pending.remove(transaction));
        return f;
    }

    private void keepalive() {
        if (closed.get()) return;
        try {
            http.post("/" + id, JanusHttp.body("keepalive"));
        } catch (JanusException e) {
            lost("keepalive failed: " + e.getMessage());
        }
    }

    private void pollLoop() {
        while (!closed.get()) {
            JsonNode reply;
            try {
                reply = http.get("/" + id + "?maxev=10&rid=" + System.nanoTime(), POLL_TIMEOUT);
            } catch (JanusException e) {
                lost("event poll failed: " + e.getMessage());
                return;
            }
            if (reply.isArray()) {
                reply.forEach(this::dispatch);
            } else {
                dispatch(reply);
            }
        }
    }

    private void dispatch(JsonNode event) {
        try {
            String type = event.path("janus").asText();
            if (type.equals("keepalive")) return;
            if (type.equals("error") && event.path("error").path("code").asInt() == 458) {
                lost("Janus no longer knows session " + id);
                return;
            }
            if (type.equals("timeout")) {
                lost("Janus timed out session " + id);
                return;
            }
            String tx = event.path("transaction").asText("");
            CompletableFuture<JsonNode> waiting = tx.isEmpty() || type.equals("ack") ? null : pending.get(tx);
            if (waiting != null) {
                waiting.complete(event);
                return;
            }
            JanusHandle h = handles.get(event.path("sender").asLong());
            if (h != null) {
                h.deliver(event);
            } else {
                log.debug("Janus event for no handle: {}", event);
            }
        } catch (RuntimeException e) {
            log.warn("Handling a Janus event failed: {}", event, e);
        }
    }

    private void lost(String reason) {
        if (closed.compareAndSet(false, true)) {
            log.warn("Janus session {} lost: {}", id, reason);
            keepalive.shutdownNow();
            pending.values().forEach(f -> f.completeExceptionally(new JanusException(0, reason, true, null)));
            onLost.accept(reason);
        }
    }

    boolean closed() {
        return closed.get();
    }

    /** Detaches every handle and destroys the session (best effort). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        keepalive.shutdownNow();
        for (JanusHandle h : handles.values()) h.detachQuietly();
        try {
            http.post("/" + id, JanusHttp.body("destroy"));
        } catch (JanusException e) {
            log.debug("Destroying Janus session {} failed: {}", id, e.getMessage());
        }
        pending.values().forEach(f -> f.cancel(false));
        poller.interrupt();
        log.debug("Janus session {} destroyed", id);
    }
}
