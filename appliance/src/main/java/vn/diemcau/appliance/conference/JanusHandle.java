package vn.diemcau.appliance.conference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** A handle attached to a plugin inside a {@link JanusSession}. */
final class JanusHandle {
    private final JanusSession session;
    private final long id;
    private volatile Consumer<JsonNode> events;

    JanusHandle(JanusSession session, long id, Consumer<JsonNode> events) {
        this.session = session;
        this.id = id;
        this.events = events;
    }

    long id() {
        return id;
    }

    /** Sends this handle's events to {@code listener} from now on. */
    void listen(Consumer<JsonNode> listener) {
        this.events = listener;
    }

    void deliver(JsonNode event) {
        events.accept(event);
    }

    private String path() {
        return "/" + session.id() + "/" + id;
    }

    /** A synchronous plugin request ({@code exists}, {@code listparticipants}): returns {@code plugindata.data}. */
    JsonNode request(ObjectNode request) {
        ObjectNode body = JanusHttp.body("message");
        body.set("body", request);
        JsonNode reply = session.http().post(path(), body);
        JsonNode data = reply.path("plugindata").path("data");
        throwIfPluginError(data);
        return data;
    }

    /**
     * An asynchronous plugin request ({@code join}, {@code publish}, {@code start}): Janus acks it
     * and the outcome comes as an event with the same transaction, returned here (or a
     * {@link JanusException} for a plugin error or a timeout).
     */
    JsonNode message(ObjectNode request, Optional<ObjectNode> jsep, Duration timeout) {
        ObjectNode body = JanusHttp.body("message");
        body.set("body", request);
        jsep.ifPresent(j -> body.set("jsep", j));
        CompletableFuture<JsonNode> outcome = session.expect(body.path("transaction").asText());
        JsonNode reply = session.http().post(path(), body);
        if (!"ack".equals(reply.path("janus").asText())) outcome.complete(reply);
        JsonNode event;
        try {
            event = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(false);
            throw new JanusException(0, "no reply to '" + request.path("request").asText() + "' within "
                    + timeout.toMillis() + " ms", true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JanusException je) throw je;
            throw new JanusException(0, "waiting for '" + request.path("request").asText() + "' failed", true, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException(0, "interrupted", true, e);
        }
        throwIfPluginError(event.path("plugindata").path("data"));
        if ("error".equals(event.path("janus").asText())) {
            throw JanusException.refused(event.path("error").path("code").asInt(), event.path("error").path("reason").asText());
        }
        return event;
    }

    /** Sends a plugin request without waiting for its outcome event. */
    void send(ObjectNode request, Optional<ObjectNode> jsep) {
        ObjectNode body = JanusHttp.body("message");
        body.set("body", request);
        jsep.ifPresent(j -> body.set("jsep", j));
        session.http().post(path(), body);
    }

    void trickle(int mlineIndex, String candidate) {
        ObjectNode body = JanusHttp.body("trickle");
        ObjectNode c = body.putObject("candidate");
        c.put("sdpMLineIndex", mlineIndex);
        c.put("candidate", candidate);
        session.http().post(path(), body);
    }

    void detachQuietly() {
        session.forget(this);
        try {
            session.http().post(path(), JanusHttp.body("detach"));
        } catch (JanusException ignored) {
            // best effort: the session is going away anyway
        }
    }

    private static void throwIfPluginError(JsonNode data) {
        if (data.has("error_code")) throw JanusException.refused(data.path("error_code").asInt(), data.path("error").asText());
    }
}
