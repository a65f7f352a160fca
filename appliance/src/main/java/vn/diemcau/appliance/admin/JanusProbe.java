package vn.diemcau.appliance.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Janus JSON API calls for the connection test: {@code GET /info}, and a VideoRoom {@code exists} in a throwaway session. */
final class JanusProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration timeout;
    private final HttpClient http;

    JanusProbe(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Result(boolean ok, String detail) {
    }

    Result info(URI base) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(child(base, "info")).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return new Result(false, "HTTP " + r.statusCode() + " from " + child(base, "info"));
            JsonNode n = JSON.readTree(r.body());
            if (!"server_info".equals(n.path("janus").asText())) return new Result(false, "not a Janus API answer");
            boolean videoroom = n.path("plugins").has("janus.plugin.videoroom");
            if (!videoroom) return new Result(false, "Janus " + n.path("version_string").asText() + " without the VideoRoom plugin");
            return new Result(true, "Janus " + n.path("version_string").asText());
        } catch (IOException e) {
            return new Result(false, ConnectionProbe.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }

    Result roomExists(URI base, long room) {
        try {
            JsonNode created = post(base, message("create"));
            long session = created.path("data").path("id").asLong();
            if (session == 0) return new Result(false, "Janus refused to create a session: " + created.path("error").path("reason").asText());
            URI sessionUri = child(base, Long.toString(session));
            try {
                ObjectNode attach = message("attach");
                attach.put("plugin", "janus.plugin.videoroom");
                long handle = post(sessionUri, attach).path("data").path("id").asLong();
                if (handle == 0) return new Result(false, "Janus refused to attach the VideoRoom plugin");
                ObjectNode msg = message("message");
                msg.putObject("body").put("request", "exists").put("room", room);
                JsonNode data = post(child(sessionUri, Long.toString(handle)), msg).path("plugindata").path("data");
                boolean exists = data.path("exists").asBoolean(false);
                return new Result(exists, exists ? "room " + room + " exists" : "room " + room + " does not exist");
            } finally {
                post(sessionUri, message("destroy"));
            }
        } catch (IOException e) {
            return new Result(false, ConnectionProbe.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }

    private JsonNode post(URI uri, ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode() + " from " + uri);
        return JSON.readTree(r.body());
    }

    private static ObjectNode message(String janus) {
        ObjectNode n = JSON.createObjectNode();
        n.put("janus", janus);
        n.put("transaction", UUID.randomUUID().toString());
        return n;
    }

    private static URI child(URI base, String segment) {
        String s = base.toString();
        return URI.create((s.endsWith("/") ? s : s + "/") + segment);
    }
}
