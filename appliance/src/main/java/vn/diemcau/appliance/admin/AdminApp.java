package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin page's request flow, independent of Jetty: static files and the language switch; a
 * session for every browser (anonymous first); for POSTs an Origin check and the session's CSRF
 * token; then first run until a password exists, login until the session is authenticated, and
 * the pages.
 */
final class AdminApp {
    private static final Logger log = LoggerFactory.getLogger(AdminApp.class);
    private static final Map<String, String> STATIC = Map.of(
            "admin.css", "text/css; charset=utf-8",
            "admin.js", "text/javascript; charset=utf-8");

    private final Sessions sessions;
    private final AuthPages auth;
    private final Map<String, Function<Ctx, WebResponse>> routes;
    private final StatusPort status;

    AdminApp(AdminSettings settings, BoxConsole box, Credentials credentials, Sessions sessions, LoginGuard guard,
             Runnable setupCodeChanged) {
        this.sessions = sessions;
        this.status = box.status();
        this.auth = new AuthPages(credentials, sessions, guard, setupCodeChanged);
        ProvisioningPage provisioning = new ProvisioningPage(box.config(), box.status(), new ConnectionProbe(settings.clock()));
        MediaPage media = new MediaPage(box.media(), box.config());
        PanelPage panel = new PanelPage(box.panel());
        SystemPages system = new SystemPages(box.system(), box.status(), credentials, sessions, setupCodeChanged);
        this.routes = Map.ofEntries(
                Map.entry("GET /status", system::status),
                Map.entry("GET /events/status", system::statusEvents),
                Map.entry("GET /provisioning", provisioning::show),
                Map.entry("POST /provisioning", provisioning::save),
                Map.entry("POST /provisioning/test", provisioning::test),
                Map.entry("POST /provisioning/rollback", provisioning::rollback),
                Map.entry("GET /media", media::show),
                Map.entry("GET /media/snapshot.jpg", media::snapshot),
                Map.entry("GET /events/mic", media::micEvents),
                Map.entry("POST /media/tone", media::tone),
                Map.entry("POST /media/selftest", media::selfTest),
                Map.entry("POST /media/devices", media::saveDevices),
                Map.entry("GET /panel", panel::show),
                Map.entry("GET /events/panel", panel::events),
                Map.entry("POST /panel/button", panel::button),
                Map.entry("POST /panel/led", panel::led),
                Map.entry("POST /panel/mute", panel::mute),
                Map.entry("GET /logs", system::logs),
                Map.entry("GET /logs/download", system::download),
                Map.entry("GET /maintenance", system::maintenance),
                Map.entry("POST /maintenance/restart", system::restart),
                Map.entry("POST /maintenance/reboot", system::reboot),
                Map.entry("POST /maintenance/reset", system::reset),
                Map.entry("POST /logout", auth::logout));
    }

    WebResponse handle(WebRequest req) {
        if (req.method().equals("GET") && req.path().startsWith("/static/")) return staticFile(req.path().substring(8));
        if (req.method().equals("GET") && req.path().equals("/lang")) return language(req);
        if (!req.method().equals("GET") && !req.method().equals("POST")) {
            return WebResponse.html(405, Layout.errorPage(405, "error.method")).header("Allow", "GET, POST");
        }
        boolean live = req.path().startsWith("/events/");
        Optional<Sessions.Session> found = req.cookie(Sessions.COOKIE).flatMap(id -> live ? sessions.peek(id) : sessions.find(id));
        Sessions.Session session = found.orElseGet(() -> sessions.create(false));
        boolean expired = found.isEmpty() && req.cookie(Sessions.COOKIE).isPresent();
        Ctx ctx = new Ctx(req, Lang.of(req), session, boxName());
        WebResponse res = route(ctx, expired);
        if (found.isEmpty() && !res.setCookies.stream().anyMatch(c -> c.startsWith(Sessions.COOKIE + "="))) {
            res.cookie(Ctx.sessionCookie(session.id()));
        }
        return res;
    }

    private WebResponse route(Ctx ctx, boolean expired) {
        WebRequest req = ctx.req();
        if (req.post()) {
            if (!sameOrigin(req)) {
                log.warn("Refused a cross-origin {} {} from {}", req.method(), req.path(), req.remote());
                return WebResponse.html(403, Layout.errorPage(403, "error.origin"));
            }
            String token = req.hasField("_csrf") ? req.field("_csrf") : req.header("x-csrf-token").orElse("");
            if (!Credentials.constantTimeEquals(ctx.session().csrf(), token)) {
                log.warn("Refused a {} {} without a valid CSRF token from {}", req.method(), req.path(), req.remote());
                return WebResponse.html(403, Layout.errorPage(403, expired ? "error.expired" : "error.csrf"));
            }
        }
        if (!auth.configured()) {
            return req.path().equals("/setup") ? (req.post() ? auth.setup(ctx) : auth.setupForm(ctx, "", false))
                    : WebResponse.redirect("/setup");
        }
        if (!ctx.session().authenticated()) {
            if (req.path().equals("/login")) {
                boolean said = expired || req.queryParam("expired").isPresent();
                return req.post() ? auth.login(ctx) : auth.loginForm(ctx, said ? "login.expired" : "");
            }
            if (req.path().startsWith("/events/") || req.header("x-csrf-token").isPresent()) {
                return WebResponse.json(401, "{\"error\":\"login\"}");
            }
            return WebResponse.redirect(expired ? "/login?expired=1" : "/login");
        }
        if (req.path().equals("/") || req.path().equals("/login") || req.path().equals("/setup")) {
            return WebResponse.redirect("/status");
        }
        Function<Ctx, WebResponse> page = routes.get(req.method() + " " + req.path());
        if (page == null) return WebResponse.html(404, Layout.errorPage(404, "error.notfound"));
        return page.apply(ctx);
    }

    /** A POST must come from a page of this server: Origin (or Referer) names the same host, Sec-Fetch-Site is not cross-site. */
    private static boolean sameOrigin(WebRequest req) {
        String host = req.header("host").orElse("");
        String site = req.header("sec-fetch-site").orElse("same-origin");
        if (!site.equals("same-origin") && !site.equals("none")) return false;
        Optional<String> origin = req.header("origin").filter(o -> !o.equals("null"));
        if (origin.isEmpty()) origin = req.header("referer");
        if (origin.isEmpty()) return req.header("origin").isEmpty();
        try {
            URI u = URI.create(origin.get());
            String authority = u.getRawAuthority();
            return "https".equals(u.getScheme()) && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String boxName() {
        try {
            StatusPort.BoxStatus s = status.status();
            return s.displayName().isBlank() ? s.boxId() : s.displayName();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static WebResponse language(WebRequest req) {
        String to = req.queryParam("to").filter("en"::equals).orElse("vi");
        String back = req.queryParam("back").filter(b -> b.matches("/[A-Za-z0-9/_.-]*") && !b.startsWith("//")).orElse("/");
        return WebResponse.redirect(back).cookie(Lang.COOKIE + "=" + to + "; Path=/; Max-Age=31536000; Secure; SameSite=Strict");
    }

    private static WebResponse staticFile(String name) {
        String type = STATIC.get(name);
        if (type == null) return WebResponse.html(404, Layout.errorPage(404, "error.notfound"));
        try (InputStream in = AdminApp.class.getResourceAsStream("/admin/static/" + name)) {
            if (in == null) return WebResponse.html(404, Layout.errorPage(404, "error.notfound"));
            return WebResponse.bytes(type, in.readAllBytes()).header("Cache-Control", "no-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
