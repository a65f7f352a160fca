package vn.diemcau.hub.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.config.HubConfig;
import vn.diemcau.hub.users.Permission;
import vn.diemcau.hub.users.User;

/**
 * The centre's view ({@code /session}): a page where the central point sees every room's live
 * video in the reception session and publishes its own camera as the chair. The page is a small
 * vanilla-JS client of the Janus VideoRoom HTTP API; it reaches Janus through this handler
 * ({@code /session/janus/...} is forwarded to {@code conference.url}), so the browser needs only
 * the hub's address, no CORS, and only signed-in users (the hub's session cookie, role with
 * {@link Permission#VIEW_FLEET}) can reach the conference server.
 *
 * <pre>
 *   GET  /session              the page (sign-in form when not signed in)
 *   GET  /session/config       {"room":..,"pin":..,"centreName":..,"janus":"/session/janus"} (signed in)
 *   ANY  /session/janus/**     forwarded to conference.url/** (signed in)
 * </pre>
 */
public final class SessionPage extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(SessionPage.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COOKIE = "diemcau_session";
  private static final Map<String, String> ASSETS = Map.of(
      "/session", "index.html", "/session/", "index.html",
      "/session/session.js", "session.js", "/session/session.css", "session.css");

  private final HubConfig.Conference conference;
  private final Function<String, Optional<User>> tokens;
  private final HttpClient http;

  /**
   * @param conference the hub's conference settings
   * @param tokens     resolves a session-cookie token to its user (e.g. {@code UserDirectory::resolve},
   *                   bound late because the hub builds its users after its web handlers)
   */
  public SessionPage(HubConfig.Conference conference, Function<String, Optional<User>> tokens) {
    this.conference = Objects.requireNonNull(conference, "conference");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (!path.equals("/session") && !path.startsWith("/session/")) {
      return false;
    }
    String asset = ASSETS.get(path);
    if (asset != null && request.getMethod().equals("GET")) {
      serveAsset(asset, response, callback);
      return true;
    }
    Optional<User> user = user(request);
    if (user.isEmpty()) {
      send(response, callback, 401, "application/json", "{\"message\":\"đăng nhập trước / sign in first\"}");
      return true;
    }
    if (path.equals("/session/config") && request.getMethod().equals("GET")) {
      ObjectNode n = JSON.createObjectNode();
      n.put("configured", conference.url().isPresent());
      n.put("room", Long.parseLong(conference.room()));
      n.put("pin", conference.pin());
      n.put("centreName", conference.centreName());
      n.put("janus", "/session/janus");
      n.put("user", user.get().username());
      send(response, callback, 200, "application/json", n.toString());
      return true;
    }
    if (path.equals("/session/janus") || path.startsWith("/session/janus/")) {
      forward(request, path.substring("/session/janus".length()), response, callback);
      return true;
    }
    send(response, callback, 404, "application/json", "{\"message\":\"no such resource: " + path + "\"}");
    return true;
  }

  private Optional<User> user(Request request) {
    List<HttpCookie> cookies = Request.getCookies(request);
    return cookies.stream().filter(c -> c.getName().equals(COOKIE)).map(HttpCookie::getValue).findFirst()
        .flatMap(tokens).filter(u -> u.enabled() && u.can(Permission.VIEW_FLEET));
  }

  private void forward(Request request, String rest, Response response, Callback callback) throws IOException {
    if (conference.url().isEmpty()) {
      send(response, callback, 503, "application/json",
          "{\"message\":\"hub has no conference.url configured / chưa cấu hình máy chủ hội nghị\"}");
      return;
    }
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("POST")) {
      send(response, callback, 405, "application/json", "{\"message\":\"GET or POST only\"}");
      return;
    }
    if (!rest.isEmpty() && !rest.matches("(/[0-9]{1,20}){1,2}")) {
      send(response, callback, 404, "application/json", "{\"message\":\"not a Janus session or handle path\"}");
      return;
    }
    String query = Optional.ofNullable(request.getHttpURI().getQuery()).map(q -> "?" + q).orElse("");
    URI target = URI.create(conference.url().get().toString().replaceAll("/+$", "") + rest + query);
    HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(65))
        .header("Content-Type", "application/json");
    if (method.equals("POST")) {
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      b.POST(HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.GET();
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      send(response, callback, r.statusCode(), "application/json", r.body());
    } catch (IOException e) {
      LOG.warn("Conference server {} unreachable: {}", target.getHost() + ":" + target.getPort(), e.toString());
      send(response, callback, 502, "application/json",
          "{\"message\":\"conference server unreachable / không kết nối được máy chủ hội nghị\"}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(response, callback, 503, "application/json", "{\"message\":\"interrupted\"}");
    }
  }

  private static void serveAsset(String name, Response response, Callback callback) throws IOException {
    try (InputStream in = SessionPage.class.getResourceAsStream("/session/" + name)) {
      if (in == null) {
        send(response, callback, 500, "text/plain", "missing resource " + name);
        return;
      }
      String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
      send(response, callback, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static void send(Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Content.Sink.write(response, true, body, callback);
  }
}
