package vn.diemcau.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.users.User;

/** One API call: path and query parameters, the JSON body, and the authenticated caller. */
public final class Call {
  private static final int MAX_BODY = 256 * 1024;

  private final Request request;
  private final Response response;
  private final Callback callback;
  private final Map<String, String> pathParams;
  private final Fields query;
  private final Optional<User> user;
  private final Optional<String> token;

  Call(Request request, Response response, Callback callback, Map<String, String> pathParams, Optional<User> user,
      Optional<String> token) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.pathParams = pathParams;
    this.query = Request.extractQueryParameters(request);
    this.user = user;
    this.token = token;
  }

  public String path(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return v;
  }

  /** A request header, when present and not blank. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name)).filter(s -> !s.isBlank());
  }

  /** This call with one more path parameter. */
  Call withPath(String name, String value) {
    Map<String, String> p = new java.util.HashMap<>(pathParams);
    p.put(name, value);
    return new Call(request, response, callback, p, user, token);
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(query.getValue(name)).filter(s -> !s.isBlank());
  }

  public int queryInt(String name, int fallback, int min, int max) {
    Optional<String> v = query(name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n < min || n > max) {
        throw HubException.badRequest("query parameter " + name + " must be between " + min + " and " + max + " but was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw HubException.badRequest("query parameter " + name + " must be an integer but was " + v.get());
    }
  }

  /** The authenticated caller (routes with a permission always have one). */
  public User user() {
    return user.orElseThrow(() -> new HubException(HubException.Kind.UNAUTHORIZED, "log in first"));
  }

  Optional<String> token() {
    return token;
  }

  /** The request body parsed as {@code type}; 400 with the parser's explanation when it does not fit. */
  public <T> T body(Class<T> type) {
    String text;
    try {
      text = Content.Source.asString(request);
    } catch (IOException e) {
      throw HubException.badRequest("could not read the request body: " + e.getMessage());
    }
    if (text.length() > MAX_BODY) {
      throw HubException.badRequest("request body over " + MAX_BODY + " bytes");
    }
    if (text.isBlank()) {
      throw HubException.badRequest("a JSON body is required");
    }
    try {
      return Json.MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      String msg = cause instanceof IllegalArgumentException || cause instanceof vn.diemcau.protocol.ProtocolException
          ? cause.getMessage() : e.getOriginalMessage();
      throw HubException.badRequest("invalid JSON body: " + msg);
    }
  }

  Request request() {
    return request;
  }

  Response response() {
    return response;
  }

  Callback callback() {
    return callback;
  }
}
