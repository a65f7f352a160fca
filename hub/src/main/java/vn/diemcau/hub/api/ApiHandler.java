package vn.diemcau.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.users.User;
import vn.diemcau.hub.users.UserDirectory;

/**
 * Dispatches to {@link Route}s, authenticates (bearer token or session cookie), authorises by
 * permission, and maps failures to JSON errors: {@code {"error": "...", "status": 400}}.
 * Unmatched paths fall through to the next handler (the web pages).
 *
 * <p>At most {@value #MAX_CONCURRENT} requests run their endpoint at once (event streams are not
 * counted); the others wait their turn parked. Requests run on virtual threads over two carriers:
 * unbounded, a burst of slow requests left hundreds of runnable virtual threads queued for a
 * carrier ahead of the one holding the database connection or a lock the ingest lanes need, and
 * the hub's command round trip collapsed to tens of seconds under CPU contention.
 */
final class ApiHandler extends Handler.Abstract {
  static final String SESSION_COOKIE = "diemcau_session";
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private static final int MAX_CONCURRENT = 8;

  private final List<Route> routes;
  private final UserDirectory users;
  private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_CONCURRENT, true);

  ApiHandler(List<Route> routes, UserDirectory users) {
    super(InvocationType.BLOCKING);
    this.routes = List.copyOf(routes);
    this.users = users;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    Route matched = null;
    Map<String, String> params = Map.of();
    boolean pathKnown = false;
    String[] segments = Route.segments(path);
    for (Route r : routes) {
      Optional<Map<String, String>> m = r.match(segments);
      if (m.isPresent()) {
        pathKnown = true;
        if (r.method().equals(request.getMethod())) {
          matched = r;
          params = m.get();
          break;
        }
      }
    }
    if (matched == null) {
      if (pathKnown) {
        error(response, callback, 405, "method " + request.getMethod() + " is not allowed on " + path);
        return true;
      }
      return false;
    }
    try {
      Optional<String> token = token(request);
      Optional<User> user = token.flatMap(users::resolve);
      if (matched.permission().isPresent()) {
        if (user.isEmpty()) {
          throw new HubException(HubException.Kind.UNAUTHORIZED,
              "authentication required: send 'Authorization: Bearer <token>' from POST /api/login");
        }
        if (viaCookie(request) && !request.getMethod().equals("GET")
            && request.getHeaders().get("X-Requested-With") == null) {
          throw HubException.forbidden("cookie-authenticated changes need the header X-Requested-With");
        }
        if (!user.get().can(matched.permission().get())) {
          throw HubException.forbidden("role " + user.get().role() + " lacks permission "
              + matched.permission().get() + " for " + request.getMethod() + " " + matched.pattern());
        }
      }
      Object result;
      if (matched.endpoint() instanceof SseEndpoint) {
        result = matched.endpoint().handle(new Call(request, response, callback, params, user, token));
      } else {
        inFlight.acquire();
        try {
          result = matched.endpoint().handle(new Call(request, response, callback, params, user, token));
        } finally {
          inFlight.release();
        }
      }
      if (result == Reply.STREAMED) {
        return true;
      }
      Reply reply = result instanceof Reply r ? r : new Reply(200, Optional.ofNullable(result));
      write(response, callback, reply.status(), reply.body());
    } catch (HubException e) {
      error(response, callback, status(e.kind()), e.getMessage(), e.field());
    } catch (IllegalArgumentException | vn.diemcau.protocol.ProtocolException e) {
      error(response, callback, 400, e.getMessage());
    } catch (Exception e) {
      LOG.error("{} {} failed", request.getMethod(), path, e);
      error(response, callback, 500, "internal error; the hub log has the details");
    }
    return true;
  }

  private static int status(HubException.Kind kind) {
    return switch (kind) {
      case BAD_REQUEST -> 400;
      case UNAUTHORIZED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNAVAILABLE -> 503;
    };
  }

  static Optional<String> token(Request request) {
    String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(auth.substring(7).strip()).filter(s -> !s.isEmpty());
    }
    return cookie(request);
  }

  private static boolean viaCookie(Request request) {
    return request.getHeaders().get(HttpHeader.AUTHORIZATION) == null && cookie(request).isPresent();
  }

  private static Optional<String> cookie(Request request) {
    List<HttpCookie> cookies = Request.getCookies(request);
    return cookies.stream().filter(c -> c.getName().equals(SESSION_COOKIE)).map(HttpCookie::getValue).findFirst();
  }

  private static void write(Response response, Callback callback, int status, Optional<Object> body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (body.isEmpty()) {
      callback.succeeded();
      return;
    }
    if (body.get() instanceof Binary bin) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, bin.contentType());
      response.write(true, java.nio.ByteBuffer.wrap(bin.bytes()), callback);
      return;
    }
    if (body.get() instanceof PlainText text) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, text.contentType());
      Content.Sink.write(response, true, text.text(), callback);
      return;
    }
    try {
      byte[] json = Json.MAPPER.writeValueAsBytes(body.get());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      response.write(true, java.nio.ByteBuffer.wrap(json), callback);
    } catch (JsonProcessingException e) {
      LOG.error("cannot serialise {}", body.get().getClass().getName(), e);
      error(response, callback, 500, "internal error: response not serialisable");
    }
  }

  static void error(Response response, Callback callback, int status, String message) {
    error(response, callback, status, message, Optional.empty());
  }

  /** {@code {"error": message, "status": status}} plus {@code "field"} naming the request field at fault. */
  static void error(Response response, Callback callback, int status, String message, Optional<String> field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("status", status);
    field.ifPresent(f -> body.put("field", f));
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    try {
      response.write(true, java.nio.ByteBuffer.wrap(Json.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8)),
          callback);
    } catch (JsonProcessingException e) {
      callback.failed(e);
    }
  }

  /** A non-JSON body (e.g. Prometheus text). */
  record PlainText(String contentType, String text) {}

  /** A binary body (e.g. a JPEG snapshot). */
  record Binary(String contentType, byte[] bytes) {}
}
