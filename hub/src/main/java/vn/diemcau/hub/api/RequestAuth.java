package vn.diemcau.hub.api;

import java.util.Optional;
import org.eclipse.jetty.server.Request;
import vn.diemcau.hub.users.User;
import vn.diemcau.hub.users.UserDirectory;

/**
 * Who sent a request: the user of its bearer token or of its {@value #SESSION_COOKIE} cookie
 * (set by {@code POST /api/login}). For the dashboard's pages, which share the API's sessions.
 */
public final class RequestAuth {
  /** The session cookie set by {@code POST /api/login} (HttpOnly, SameSite=Strict). */
  public static final String SESSION_COOKIE = ApiHandler.SESSION_COOKIE;

  private RequestAuth() {}

  public static Optional<User> user(Request request, UserDirectory users) {
    return ApiHandler.token(request).flatMap(users::resolve);
  }
}
