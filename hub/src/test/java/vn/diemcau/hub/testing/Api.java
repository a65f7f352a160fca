package vn.diemcau.hub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client for the hub's REST API. */
public final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status and body (JSON when it parses). */
  public record Result(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private volatile String token = "";

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Api login(String username, String password) {
    Result r = post("/api/login", Map.of("username", username, "password", password));
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r);
    }
    token = r.json().get("token").asText();
    return this;
  }


  public String token() {
    return token;
  }

  public Result get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Result post(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).POST(body(body)).header("Content-Type",
        "application/json"));
  }

  public Result put(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(body(body)).header("Content-Type",
        "application/json"));
  }

  public Result delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public HttpClient client() {
    return http;
  }

  public String base() {
    return base;
  }

  private static HttpRequest.BodyPublisher body(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Result send(HttpRequest.Builder b) {
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      return new Result(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
