package vn.diemcau.simulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** The few calls of the hub's REST API the benchmark needs (login, register boxes, send commands, event stream). */
final class HubApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private volatile String token = "";

    HubApi(URI base) {
        this.base = base;
    }

    void login(String username, String password) {
        JsonNode result = post("/api/login", JSON.createObjectNode().put("username", username).put("password", password));
        token = result.path("token").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("hub login as " + username + " returned no token: " + result);
        }
    }

    /** Registers a box and returns its one-time password; empty if the id is already registered (409). */
    CompletableFuture<java.util.Optional<String>> register(String id) {
        ObjectNode body = JSON.createObjectNode().put("id", id).put("displayName", "Bench " + id)
                .put("commune", "bench").put("room", "bench").put("hardware", "PI5");
        return http.sendAsync(request("/api/boxes").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                    if (r.statusCode() == 409) {
                        return java.util.Optional.<String>empty();
                    }
                    return java.util.Optional.of(parse(r, "/api/boxes").path("password").asText());
                });
    }

    /** Issues new credentials for an existing box. */
    String rotate(String id) {
        return post("/api/boxes/" + id + "/credentials", JSON.createObjectNode()).path("password").asText();
    }

    /** Sends an Identify command to one box; completes with the command id. */
    CompletableFuture<String> identify(String box) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("boxes").add(box);
        body.putObject("command").put("type", "identify").put("seconds", 1);
        body.put("expirySeconds", 30);
        return http.sendAsync(request("/api/commands").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> parse(r, "/api/commands").path("commands").path(0).path("id").asText());
    }

    JsonNode get(String path) {
        try {
            return parse(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()), path);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The hub's {@code /metrics} (Prometheus text). */
    String metrics() {
        try {
            HttpResponse<String> r = http.send(request("/metrics").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("/metrics answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET /metrics failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The lines of {@code /api/events} (Server-Sent Events) as they arrive. */
    CompletableFuture<HttpResponse<Stream<String>>> events() {
        return http.sendAsync(request("/api/events").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    private JsonNode post(String path, JsonNode body) {
        try {
            return parse(http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()), path);
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        return token.isEmpty() ? b : b.header("Authorization", "Bearer " + token);
    }

    private static JsonNode parse(HttpResponse<String> response, String path) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(path + " answered no JSON: " + response.body(), e);
        }
    }
}
