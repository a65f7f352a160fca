package vn.diemcau.appliance.admin;

import static vn.diemcau.appliance.admin.Html.esc;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** First run (setup code + new password), login and logout. */
final class AuthPages {
    private static final Logger log = LoggerFactory.getLogger(AuthPages.class);

    private final Credentials credentials;
    private final Sessions sessions;
    private final LoginGuard guard;
    private final Runnable setupCodeChanged;

    AuthPages(Credentials credentials, Sessions sessions, LoginGuard guard, Runnable setupCodeChanged) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.guard = guard;
        this.setupCodeChanged = setupCodeChanged;
    }

    boolean configured() {
        return credentials.configured();
    }

    WebResponse setupForm(Ctx c, String errorKey, boolean codeError) {
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"lead\">").append(esc(c.t("setup.intro"))).append("</p>");
        if (!errorKey.isEmpty()) b.append(Layout.notice("error", c.t(errorKey)));
        b.append("<form method=\"post\" action=\"/setup\" class=\"card form\" novalidate>").append(c.csrfField())
                .append(field(c, "code", "setup.code", "setup.code.help", "text", "one-time-code", codeError ? c.t("setup.code.wrong") : "",
                        "inputmode=\"numeric\" maxlength=\"12\""))
                .append(field(c, "password", "setup.password", "setup.password.help", "password", "new-password", "", "maxlength=\"128\""))
                .append(field(c, "confirm", "setup.confirm", "", "password", "new-password", "", "maxlength=\"128\""))
                .append("<div class=\"actions\"><button class=\"primary\" id=\"setup-submit\">").append(esc(c.t("setup.submit")))
                .append("</button></div></form>");
        return c.bare(errorKey.isEmpty() ? 200 : 400, "setup.title", b.toString());
    }

    WebResponse setup(Ctx c) {
        Optional<Duration> locked = guard.locked();
        if (locked.isPresent()) return lockedPage(c, locked.get(), true);
        String code = c.req().field("code");
        String password = c.req().field("password");
        if (code.length() > 20 || !credentials.checkSetupCode(code)) {
            guard.failed();
            log.warn("First run: wrong setup code from {}", c.req().remote());
            return setupForm(c, "setup.code.wrong", true);
        }
        String problem = passwordProblem(password, c.req().field("confirm"));
        if (!problem.isEmpty()) return setupForm(c, problem, false);
        guard.succeeded();
        credentials.setPassword(password);
        setupCodeChanged.run();
        sessions.remove(c.session().id());
        Sessions.Session s = sessions.create(true);
        log.info("First run completed from {}", c.req().remote());
        return WebResponse.redirect("/provisioning?welcome=1").cookie(Ctx.sessionCookie(s.id()));
    }

    static String passwordProblem(String password, String confirm) {
        if (password.length() < Credentials.MIN_PASSWORD) return "setup.password.short";
        if (password.length() > Credentials.MAX_PASSWORD) return "setup.password.long";
        if (!password.equals(confirm)) return "setup.password.mismatch";
        return "";
    }

    WebResponse loginForm(Ctx c, String noticeKey) {
        return loginPage(c, 200, noticeKey.isEmpty() ? "" : Layout.notice("info", c.t(noticeKey)));
    }

    WebResponse login(Ctx c) {
        Optional<Duration> locked = guard.locked();
        if (locked.isPresent()) return lockedPage(c, locked.get(), false);
        String password = c.req().field("password");
        if (password.length() > Credentials.MAX_PASSWORD || !credentials.checkPassword(password)) {
            guard.failed();
            log.warn("Admin login failed from {}", c.req().remote());
            Optional<Duration> now = guard.locked();
            if (now.isPresent()) return lockedPage(c, now.get(), false);
            return loginPage(c, 401, Layout.notice("error", c.t("login.wrong")));
        }
        guard.succeeded();
        sessions.remove(c.session().id());
        Sessions.Session s = sessions.create(true);
        log.info("Admin logged in from {}", c.req().remote());
        return WebResponse.redirect("/status").cookie(Ctx.sessionCookie(s.id()));
    }

    WebResponse logout(Ctx c) {
        sessions.remove(c.session().id());
        return WebResponse.redirect("/login").cookie(Ctx.sessionCookie(sessions.create(false).id()));
    }

    private WebResponse loginPage(Ctx c, int status, String notice) {
        String body = notice + "<form method=\"post\" action=\"/login\" class=\"card form narrow\" novalidate>" + c.csrfField()
                + field(c, "password", "login.password", "", "password", "current-password", "", "maxlength=\"128\" autofocus")
                + "<div class=\"actions\"><button class=\"primary\" id=\"login-submit\">" + esc(c.t("login.submit")) + "</button></div></form>"
                + "<p class=\"hint\">" + esc(c.t("login.forgot")) + "</p>";
        return c.bare(status, "login.title", body);
    }

    private WebResponse lockedPage(Ctx c, Duration left, boolean setup) {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        String body = Layout.notice("error", c.t("login.locked", seconds))
                + "<p><a class=\"button\" href=\"" + (setup ? "/setup" : "/login") + "\">" + esc(c.t("login.retry")) + "</a></p>";
        return c.bare(429, setup ? "setup.title" : "login.title", body).header("Retry-After", Long.toString(seconds));
    }

    /** A labelled input with help text and an error slot. */
    static String field(Ctx c, String name, String labelKey, String helpKey, String type, String autocomplete, String error,
                        String extra) {
        String id = "f-" + name;
        StringBuilder b = new StringBuilder("<div class=\"field").append(error.isEmpty() ? "" : " invalid").append("\">")
                .append("<label for=\"").append(id).append("\">").append(esc(c.t(labelKey))).append("</label>")
                .append("<input id=\"").append(id).append("\" name=\"").append(name).append("\" type=\"").append(type)
                .append("\" autocomplete=\"").append(autocomplete).append("\" ").append(extra);
        if (!error.isEmpty()) b.append(" aria-invalid=\"true\" aria-describedby=\"").append(id).append("-err\"");
        b.append(">");
        if (!helpKey.isEmpty()) b.append("<p class=\"help\">").append(esc(c.t(helpKey))).append("</p>");
        if (!error.isEmpty()) b.append("<p class=\"error\" id=\"").append(id).append("-err\">").append(esc(error)).append("</p>");
        return b.append("</div>").toString();
    }
}
