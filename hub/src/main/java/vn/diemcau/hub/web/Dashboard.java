package vn.diemcau.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.users.Permission;
import vn.diemcau.hub.users.User;
import vn.diemcau.hub.users.UserDirectory;
import vn.diemcau.protocol.ConferenceView;

/**
 * The hub's web dashboard: server-rendered pages under {@code /ui/} (texts from resource
 * bundles, action blocks rendered only for users allowed to act), static scripts and styles
 * under {@code /ui/static/}, and a server-side QR code for the credentials card. The pages'
 * scripts read and steer the fleet through the REST API with the session cookie and follow
 * {@code /api/events} (Server-Sent Events). Mounted after the API as an extra Jetty handler.
 *
 * <pre>
 *   /             → /ui/fleet            /ui/alerts        /ui/boxes/{id}
 *   /ui/login     /ui/register           /ui/users         /ui/session (the centre's view, issue 8)
 *   /ui/lang/{vi|en}                     POST /ui/qr        /ui/static/{file}
 * </pre>
 */
public final class Dashboard extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
  static final String LANG_COOKIE = "diemcau_lang";
  private static final Pattern BOX_PAGE = Pattern.compile("/ui/boxes/([a-z0-9][a-z0-9-]{0,63})");
  private static final Pattern STATIC = Pattern.compile("/ui/static/([a-z0-9_-]+\\.(css|js|svg))");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One page: its template, title key, needed permission and script. */
  private record Page(String nav, String template, String title, Permission needs, String script) {}

  private static final Map<String, Page> PAGES = Map.of(
      "/ui/fleet", new Page("fleet", "fleet.html", "nav.fleet", Permission.VIEW_FLEET, "fleet.js"),
      "/ui/alerts", new Page("alerts", "alerts.html", "nav.alerts", Permission.VIEW_FLEET, "alerts.js"),
      "/ui/session", new Page("session", "session.html", "nav.session", Permission.VIEW_FLEET, "session.js"),
      "/ui/register", new Page("register", "register.html", "nav.register", Permission.MANAGE_BOXES, "register.js"),
      "/ui/users", new Page("users", "users.html", "nav.users", Permission.ADMINISTER, "users.js"));

  private final UserDirectory users;
  private final String hubAddress;
  private final ConferenceView defaultView;
  private final I18n i18n = new I18n();
  private final Templates templates = new Templates();

  /**
   * @param users      resolves the session cookie
   * @param hubAddress the MQTT address boxes use, printed on the credentials card
   */
  public Dashboard(UserDirectory users, String hubAddress) {
    this(users, hubAddress, ConferenceView.CENTRE);
  }

  /**
   * @param users       resolves the session cookie
   * @param hubAddress  the MQTT address boxes use, printed on the credentials card
   * @param defaultView preselected in the session start dialog ({@code conference.view})
   */
  public Dashboard(UserDirectory users, String hubAddress, ConferenceView defaultView) {
    super(InvocationType.BLOCKING);
    this.users = users;
    this.hubAddress = hubAddress;
    this.defaultView = java.util.Objects.requireNonNull(defaultView, "defaultView");
  }

  /**
   * The MQTT address printed on credentials cards: {@code DIEMCAU_HUB_PUBLIC_MQTT_URL} when
   * set, else the external broker's URL, else the embedded broker's TLS listener.
   */
  public static String hubAddress(vn.diemcau.hub.config.HubConfig config, Map<String, String> env) {
    String fromEnv = env.get("DIEMCAU_HUB_PUBLIC_MQTT_URL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    return switch (config.broker()) {
      case vn.diemcau.hub.config.HubConfig.Broker.External x -> x.url();
      case vn.diemcau.hub.config.HubConfig.Broker.Embedded e -> {
        String host = e.bindAddress();
        if (host.equals("0.0.0.0") || host.equals("::")) {
          try {
            host = java.net.InetAddress.getLocalHost().getCanonicalHostName();
          } catch (java.net.UnknownHostException ex) {
            host = "localhost";
          }
        }
        yield "ssl://" + host + ":" + e.tlsPort();
      }
    };
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.equals("/") && !path.startsWith("/ui/") && !path.equals("/ui") && !path.equals("/favicon.ico")) {
      return false;
    }
    I18n.Lang lang = lang(request);
    try {
      route(path, lang, request, response, callback);
    } catch (RuntimeException | IOException e) {
      LOG.error("{} {} failed", request.getMethod(), path, e);
      errorPage(response, callback, lang, 500, "error.internal");
    }
    return true;
  }

  private void route(String path, I18n.Lang lang, Request request, Response response, Callback callback)
      throws IOException {
    String method = request.getMethod();
    Matcher st = STATIC.matcher(path);
    if (method.equals("GET") && st.matches()) {
      Responses.staticFile(st.group(1), st.group(2), response, callback);
      return;
    }
    if (path.equals("/favicon.ico")) {
      Responses.staticFile("favicon.svg", "svg", response, callback);
      return;
    }
    if (method.equals("GET") && path.startsWith("/ui/lang/")) {
      I18n.Lang to = I18n.Lang.parse(path.substring("/ui/lang/".length()));
      Response.addCookie(response, HttpCookie.build(LANG_COOKIE, to.code()).path("/").maxAge(365L * 24 * 3600)
          .sameSite(HttpCookie.SameSite.LAX).build());
      String back = Optional.ofNullable(request.getHeaders().get(HttpHeader.REFERER))
          .map(r -> r.replaceFirst("^https?://[^/]+", "")).filter(r -> r.startsWith("/ui/")).orElse("/ui/fleet");
      Response.sendRedirect(request, response, callback, back);
      return;
    }
    Optional<User> user = vn.diemcau.hub.api.RequestAuth.user(request, users);
    if (path.equals("/ui/login")) {
      if (user.isPresent()) {
        Response.sendRedirect(request, response, callback, "/ui/fleet");
        return;
      }
      Responses.html(response, callback, 200, templates.render("login.html", i18n, lang, Map.of("lang", lang.code(),
          "boot", boot(Optional.empty(), lang, "")), p -> false));
      return;
    }
    if (user.isEmpty()) {
      if (method.equals("GET")) {
        Response.sendRedirect(request, response, callback, "/ui/login");
      } else {
        errorPage(response, callback, lang, 401, "error.login");
      }
      return;
    }
    User u = user.get();
    if (path.equals("/") || path.equals("/ui") || path.equals("/ui/")) {
      Response.sendRedirect(request, response, callback, "/ui/fleet");
      return;
    }
    if (method.equals("POST") && path.equals("/ui/qr")) {
      qr(u, request, response, callback, lang);
      return;
    }
    if (!method.equals("GET")) {
      errorPage(response, callback, lang, 405, "error.notfound");
      return;
    }
    Matcher box = BOX_PAGE.matcher(path);
    if (box.matches()) {
      page(u, lang, new Page("fleet", "box.html", "box.title", Permission.VIEW_FLEET, "box.js"),
          Map.of("boxId", box.group(1)), response, callback);
      return;
    }
    Page page = PAGES.get(path);
    if (page == null) {
      errorPage(response, callback, lang, 404, "error.notfound");
      return;
    }
    page(u, lang, page, Map.of(), response, callback);
  }

  private void page(User u, I18n.Lang lang, Page page, Map<String, String> extra, Response response, Callback callback) {
    if (!u.can(page.needs())) {
      errorPage(response, callback, lang, 403, "error.forbidden");
      return;
    }
    Map<String, String> vars = new LinkedHashMap<>(extra);
    vars.put("lang", lang.code());
    vars.put("hubAddress", hubAddress);
    vars.put("username", u.username());
    vars.put("role", i18n.text(lang, "role." + u.role().name()));
    vars.put("communes", u.communes().isEmpty() ? i18n.text(lang, "scope.all") : String.join(", ", u.communes()));
    String content = templates.render(page.template(), i18n, lang, vars, perm -> can(u, perm));
    vars.put("content", content);
    vars.put("title", i18n.text(lang, page.title()));
    vars.put("nav", page.nav());
    vars.put("script", page.script());
    vars.put("boot", boot(Optional.of(u), lang, extra.getOrDefault("boxId", "")));
    Responses.html(response, callback, 200, templates.render("layout.html", i18n, lang, vars, perm -> can(u, perm))
        .replace("data-nav=\"" + page.nav() + "\"", "data-nav=\"" + page.nav() + "\" aria-current=\"page\""));
  }

  private static boolean can(User u, String perm) {
    return u.can(Permission.valueOf(perm));
  }

  /** The JSON the scripts start from: who is logged in, what they may do, the texts. */
  private String boot(Optional<User> u, I18n.Lang lang, String boxId) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("lang", lang.code());
    u.ifPresent(user -> {
      b.put("user", user.username());
      b.put("role", user.role().name());
      Set<Permission> perms = EnumSet.noneOf(Permission.class);
      for (Permission p : Permission.values()) {
        if (user.can(p)) {
          perms.add(p);
        }
      }
      b.put("perms", perms.stream().map(Enum::name).collect(Collectors.toList()));
      b.put("communes", user.communes());
    });
    b.put("boxId", boxId);
    b.put("hubAddress", hubAddress);
    b.put("defaultView", defaultView.name());
    b.put("t", i18n.scriptTexts(lang));
    try {
      // Safe inside <script type="application/json">: no "</" can end the element early.
      return JSON.writeValueAsString(b).replace("</", "<\\/");
    } catch (IOException e) {
      throw new IllegalStateException("boot data not serialisable", e);
    }
  }

  private void qr(User u, Request request, Response response, Callback callback, I18n.Lang lang) throws IOException {
    if (!u.can(Permission.MANAGE_BOXES)) {
      errorPage(response, callback, lang, 403, "error.forbidden");
      return;
    }
    if (request.getHeaders().get("X-Requested-With") == null) {
      errorPage(response, callback, lang, 403, "error.forbidden");
      return;
    }
    String text = Content.Source.asString(request, StandardCharsets.UTF_8);
    String svg;
    try {
      svg = QrSvg.svg(text);
    } catch (IllegalArgumentException e) {
      errorPage(response, callback, lang, 400, "error.qr");
      return;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "image/svg+xml; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(svg.getBytes(StandardCharsets.UTF_8)), callback);
  }

  private static I18n.Lang lang(Request request) {
    return Request.getCookies(request).stream().filter(c -> c.getName().equals(LANG_COOKIE)).findFirst()
        .map(c -> I18n.Lang.parse(c.getValue())).orElse(I18n.Lang.VI);
  }

  private void errorPage(Response response, Callback callback, I18n.Lang lang, int status, String key) {
    String body = templates.render("error.html", i18n, lang, Map.of("lang", lang.code(), "status",
        Integer.toString(status), "message", i18n.text(lang, key)), p -> false);
    Responses.html(response, callback, status, body);
  }
}
