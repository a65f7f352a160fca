package vn.diemcau.hub.api;

import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Response;
import vn.diemcau.hub.error.HubException;
import vn.diemcau.hub.users.Permission;
import vn.diemcau.hub.users.Role;
import vn.diemcau.hub.users.User;

/** Login, logout, the caller, users. */
final class AuthRoutes {
  private AuthRoutes() {}

  record Login(String username, String password) {}

  record LoginResult(String token, String username, Role role, Set<String> communes, java.time.Instant expiresAt) {}

  record NewUser(String username, String password, Role role, Set<String> communes) {}

  record UserUpdate(Role role, Set<String> communes, Boolean enabled) {}

  record PasswordChange(String password) {}

  static List<Route> routes(ApiServices s) {
    return List.of(
        Route.open("POST", "/api/login", c -> {
          Login l = c.body(Login.class);
          if (l.username() == null || l.password() == null) {
            throw HubException.badRequest("username and password are required");
          }
          var token = s.users().login(l.username(), l.password()).orElseThrow(() ->
              new HubException(HubException.Kind.UNAUTHORIZED, "wrong username or password"));
          User u = s.users().require(token.username());
          s.audit().record(u.username(), "user.login", u.username(), "", "ok");
          Response.addCookie(c.response(), HttpCookie.build(ApiHandler.SESSION_COOKIE, token.token()).path("/")
              .httpOnly(true).sameSite(HttpCookie.SameSite.STRICT).build());
          return new LoginResult(token.token(), u.username(), u.role(), u.communes(), token.expiresAt());
        }),
        Route.post("/api/logout", Permission.VIEW_FLEET, c -> {
          c.token().ifPresent(s.users()::logout);
          Response.addCookie(c.response(), HttpCookie.build(ApiHandler.SESSION_COOKIE, "").path("/").maxAge(0).build());
          return Reply.noContent();
        }),
        Route.get("/api/me", Permission.VIEW_FLEET, Call::user),
        Route.put("/api/me/password", Permission.VIEW_FLEET, c -> {
          s.users().setPassword(c.user().username(), c.body(PasswordChange.class).password());
          s.audit().record(c.user().username(), "user.password", c.user().username(), "", "ok");
          return Reply.noContent();
        }),
        Route.get("/api/users", Permission.ADMINISTER, c -> s.users().list()),
        Route.post("/api/users", Permission.ADMINISTER, c -> {
          NewUser n = c.body(NewUser.class);
          if (n.role() == null) {
            throw HubException.badRequest("role must be one of ADMIN, OPERATOR, TECHNICIAN, VIEWER");
          }
          User u = s.users().create(n.username(), n.password(), n.role(), n.communes() == null ? Set.of() : n.communes());
          s.audit().record(c.user().username(), "user.create", u.username(), "role " + u.role(), "ok");
          return Reply.created(u);
        }),
        Route.put("/api/users/{username}", Permission.ADMINISTER, c -> {
          User current = s.users().require(c.path("username"));
          UserUpdate up = c.body(UserUpdate.class);
          User u = s.users().update(current.username(), up.role() == null ? current.role() : up.role(),
              up.communes() == null ? current.communes() : up.communes(),
              up.enabled() == null ? current.enabled() : up.enabled());
          s.audit().record(c.user().username(), "user.update", u.username(), "role " + u.role() + ", enabled "
              + u.enabled(), "ok");
          return u;
        }),
        Route.put("/api/users/{username}/password", Permission.ADMINISTER, c -> {
          s.users().setPassword(c.path("username"), c.body(PasswordChange.class).password());
          s.audit().record(c.user().username(), "user.password", c.path("username"), "", "ok");
          return Reply.noContent();
        }),
        Route.delete("/api/users/{username}", Permission.ADMINISTER, c -> {
          if (c.path("username").equals(c.user().username())) {
            throw HubException.conflict("you cannot delete your own account");
          }
          s.users().delete(c.path("username"));
          s.audit().record(c.user().username(), "user.delete", c.path("username"), "", "ok");
          return Reply.noContent();
        }));
  }
}
