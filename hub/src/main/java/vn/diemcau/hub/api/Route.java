package vn.diemcau.hub.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.diemcau.hub.users.Permission;

/**
 * One API route: method, path pattern with {@code {name}} segments, the permission a caller
 * needs (empty: public) and the endpoint.
 */
public record Route(String method, String pattern, Optional<Permission> permission, Endpoint endpoint) {
  /** Handles a matched call; returns a {@link Reply} or a body for 200. */
  @FunctionalInterface
  public interface Endpoint {
    Object handle(Call call) throws Exception;
  }

  public Route {
    Objects.requireNonNull(method, "method");
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("route pattern must start with / but was " + pattern);
    }
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  static Route get(String pattern, Permission p, Endpoint e) {
    return new Route("GET", pattern, Optional.of(p), e);
  }

  static Route post(String pattern, Permission p, Endpoint e) {
    return new Route("POST", pattern, Optional.of(p), e);
  }

  static Route put(String pattern, Permission p, Endpoint e) {
    return new Route("PUT", pattern, Optional.of(p), e);
  }

  static Route delete(String pattern, Permission p, Endpoint e) {
    return new Route("DELETE", pattern, Optional.of(p), e);
  }

  static Route open(String method, String pattern, Endpoint e) {
    return new Route(method, pattern, Optional.empty(), e);
  }

  /** Each pattern's segments, split once (a request is matched against every route). */
  private static final Map<String, String[]> SEGMENTS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The path parameters when {@code path} matches this pattern. */
  Optional<Map<String, String>> match(String path) {
    return match(segments(path));
  }

  /** A request path split as {@link #match(String[])} wants it. */
  static String[] segments(String path) {
    return path.split("/");
  }

  /** The path parameters when the request path's {@link #segments} match this pattern. */
  Optional<Map<String, String>> match(String[] got) {
    String[] want = SEGMENTS.computeIfAbsent(pattern, p -> p.split("/"));
    if (want.length != got.length) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith("{") && want[i].endsWith("}")) {
        if (got[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(want[i].substring(1, want[i].length() - 1), java.net.URLDecoder.decode(got[i],
            java.nio.charset.StandardCharsets.UTF_8));
      } else if (!want[i].equals(got[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
