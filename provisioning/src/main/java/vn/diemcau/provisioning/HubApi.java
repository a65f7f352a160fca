package vn.diemcau.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The two calls of the hub's REST API ({@code hub/openapi.yaml}) a technician's bundle needs:
 * register a box ({@code POST /api/boxes}, 201 with the password shown once) and issue new
 * credentials for a registered one ({@code POST /api/boxes/{id}/credentials}). Authenticated with
 * a bearer token ({@code POST /api/login}); the caller needs the MANAGE_BOXES permission (roles
 * ADMIN or TECHNICIAN).
 */
final class HubApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http;

    HubApi(URI base, String token) {
        this.base = Objects.requireNonNull(base, "base");
        this.token = Objects.requireNonNull(token, "token");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A box as the hub registers it. {@code hardware} is PI4, PI5 or MINI_PC. */
    record Registration(String id, String displayName, String commune, String room, String hardware) {
        Registration {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(commune, "commune");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(hardware, "hardware");
        }
    }

    /** The box's MQTT credentials, as issued (the password is shown once by the hub, and never by {@link #toString()}). */
    record Issued(String boxId, String username, String password) {
        Issued {
            if (boxId == null || boxId.isBlank() || username == null || username.isBlank() || password == null || password.isEmpty()) {
                throw new HubApiException(0, "the hub's answer has no box id, user name or password");
            }
        }

        @Override
        public String toString() {
            return "Issued[boxId=" + boxId + ", username=" + username + ", password=***]";
        }
    }

    /** An answer other than success, with the hub's own message ({@code {"error": ..., "status": ...}}). */
    static final class HubApiException extends RuntimeException {
        private final int status;

        HubApiException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    Issued register(Registration r) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", r.id());
        body.put("displayName", r.displayName());
        body.put("commune", r.commune());
        body.put("room", r.room());
        body.put("hardware", r.hardware());
        return issued(post("/api/boxes", body, 201));
    }

    Issued newCredentials(String boxId) {
        return issued(post("/api/boxes/" + URLEncoder.encode(boxId, StandardCharsets.UTF_8) + "/credentials", Map.of(), 200));
    }

    private static Issued issued(JsonNode n) {
        return new Issued(n.path("box").path("id").asText(""), n.path("username").asText(""), n.path("password").asText(""));
    }

    private JsonNode post(String path, Map<String, String> body, int expected) {
        HttpResponse<String> res;
        try {
            HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            res = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HubApiException(0, "cannot reach the hub at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubApiException(0, "interrupted");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(res.body().isEmpty() ? "{}" : res.body());
        } catch (IOException e) {
            throw new HubApiException(res.statusCode(), "the hub answered " + res.statusCode() + " with something that is not JSON");
        }
        if (res.statusCode() != expected) {
            throw new HubApiException(res.statusCode(), "the hub answered " + res.statusCode() + ": "
                    + answer.path("error").asText("(no message)"));
        }
        return answer;
    }
}
