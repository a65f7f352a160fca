package vn.diemcau.appliance.conference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The Janus JSON API over plain HTTP: one POST per request (each with a fresh
 * {@code transaction}), GET long-polls for events. Thread-safe.
 */
final class JanusHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient client;
    private final URI base;
    private final Duration requestTimeout;

    /** @param base the API root, e.g. {@code http://127.0.0.1:8088/janus} */
    JanusHttp(HttpClient client, URI base, Duration requestTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    static String transaction() {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static ObjectNode body(String janus) {
        ObjectNode n = JSON.createObjectNode();
        n.put("janus", janus);
        n.put("transaction", transaction());
        return n;
    }

    /** POSTs {@code body} to {@code base + path}; returns the reply, or throws when Janus answers with an error. */
    JsonNode post(String path, ObjectNode body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        JsonNode reply = send(req, body.path("janus").asText());
        if ("error".equals(reply.path("janus").asText())) {
            JsonNode e = reply.path("error");
            throw JanusException.refused(e.path("code").asInt(), e.path("reason").asText());
        }
        return reply;
    }

    /** GETs {@code base + path} (info or a long-poll); a long-poll waits up to {@code timeout}. */
    JsonNode get(String path, Duration timeout) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET().build();
        return send(req, "GET " + path);
    }

    private JsonNode send(HttpRequest req, String what) {
        try {
            HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() / 100 != 2) {
                throw new JanusException(0, "Janus HTTP " + resp.statusCode() + " for " + what, true, null);
            }
            return JSON.readTree(resp.body());
        } catch (IOException e) {
            throw JanusException.unreachable("Janus request '" + what + "' to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JanusException.unreachable("interrupted during '" + what + "'", e);
        }
    }

    URI base() {
        return base;
    }
}
