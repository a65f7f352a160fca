package vn.diemcau.appliance.admin;

import static vn.diemcau.appliance.admin.Html.esc;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Status (live), logs (recent + download) and maintenance (restart, reboot, factory reset). */
final class SystemPages {
    private static final Logger log = LoggerFactory.getLogger(SystemPages.class);

    private final SystemPort system;
    private final StatusPort status;
    private final Credentials credentials;
    private final Sessions sessions;
    private final Runnable setupCodeChanged;

    SystemPages(SystemPort system, StatusPort status, Credentials credentials, Sessions sessions, Runnable setupCodeChanged) {
        this.system = system;
        this.status = status;
        this.credentials = credentials;
        this.sessions = sessions;
        this.setupCodeChanged = setupCodeChanged;
    }

    WebResponse status(Ctx c) {
        return c.page("status.title", "<div id=\"status-live\" data-src=\"/events/status\">" + StatusView.cards(c.lang(), status, system) + "</div>");
    }

    WebResponse statusEvents(Ctx c) {
        Lang l = c.lang();
        return Sse.stream(() -> StatusView.cards(l, status, system), Duration.ofSeconds(1), Duration.ofMinutes(2));
    }

    WebResponse logs(Ctx c) {
        List<String> lines;
        String top = "";
        try {
            lines = system.recentLog(300);
        } catch (BoxConsole.NotAvailable e) {
            lines = List.of();
            top = Layout.notice("warn", c.t("common.notavailable"));
        }
        StringBuilder b = new StringBuilder(top).append("<section class=\"card\"><div class=\"actions\"><a class=\"button secondary\" id=\"log-download\" href=\"/logs/download\">")
                .append(esc(c.t("logs.download"))).append("</a><a class=\"button secondary\" href=\"/logs\">").append(esc(c.t("logs.refresh")))
                .append("</a></div><pre class=\"log\" id=\"log\">");
        for (String line : lines) b.append(esc(line)).append('\n');
        if (lines.isEmpty()) b.append(esc(c.t("logs.empty")));
        return c.page("logs.title", b.append("</pre></section>").toString());
    }

    WebResponse download(Ctx c) {
        String name = "diemcau-" + safe(boxId()) + "-log.txt";
        return WebResponse.stream("text/plain; charset=utf-8", system::writeFullLog)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").header("Cache-Control", "no-store");
    }

    WebResponse maintenance(Ctx c) {
        return renderMaintenance(c, 200, "", false);
    }

    WebResponse restart(Ctx c) {
        log.warn("Service restart requested from the admin page by {}", c.req().remote());
        system.restartService();
        return c.page("maint.title", Layout.notice("ok", c.t("maint.restarting")) + "<p class=\"hint\" id=\"reconnect\" data-wait=\"1\">"
                + esc(c.t("maint.wait")) + "</p>");
    }

    WebResponse reboot(Ctx c) {
        log.warn("Reboot requested from the admin page by {}", c.req().remote());
        try {
            system.reboot();
        } catch (BoxConsole.NotAvailable e) {
            return renderMaintenance(c, 200, Layout.notice("warn", c.t("common.notavailable")), false);
        }
        return c.page("maint.title", Layout.notice("ok", c.t("maint.rebooting")) + "<p class=\"hint\" id=\"reconnect\" data-wait=\"1\">"
                + esc(c.t("maint.wait")) + "</p>");
    }

    WebResponse reset(Ctx c) {
        String typed = java.text.Normalizer.normalize(c.req().field("confirm").trim(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        if (!typed.equals("XOA")) {
            return renderMaintenance(c, 400, Layout.notice("error", c.t("maint.reset.confirm.wrong")), true);
        }
        log.warn("Factory reset requested from the admin page by {}", c.req().remote());
        String code = credentials.reset();
        sessions.clear();
        setupCodeChanged.run();
        log.info("Admin page back to first run; new setup code issued (shown on the TV and in this log): {}", code);
        system.factoryReset();
        return WebResponse.html(Layout.page(c.lang(), "/maintenance", "maint.title", "", false, "",
                Layout.notice("ok", c.t("maint.reset.done")) + "<p><a class=\"button\" href=\"/setup\">" + esc(c.t("maint.reset.setup")) + "</a></p>"));
    }

    private WebResponse renderMaintenance(Ctx c, int code, String top, boolean resetError) {
        StringBuilder b = new StringBuilder(top);
        b.append(action(c, "restart", "maint.restart", "maint.restart.help", "secondary", ""));
        b.append(action(c, "reboot", "maint.reboot", "maint.reboot.help", "secondary", ""));
        String field = AuthPages.field(c, "confirm", "maint.reset.confirm", "", "text", "off",
                resetError ? c.t("maint.reset.confirm.wrong") : "", "maxlength=\"10\" autocapitalize=\"characters\" spellcheck=\"false\"");
        b.append(action(c, "reset", "maint.reset", "maint.reset.help", "danger", field));
        return c.page(code, "maint.title", b.toString());
    }

    private static String action(Ctx c, String name, String titleKey, String helpKey, String kind, String extra) {
        return "<section class=\"card" + (kind.equals("danger") ? " danger-zone" : "") + "\"><h2>" + esc(c.t(titleKey)) + "</h2><p class=\"help\">"
                + esc(c.t(helpKey)) + "</p><form method=\"post\" action=\"/maintenance/" + name + "\" class=\"form\" data-confirm=\""
                + esc(c.t("maint.sure")) + "\">" + c.csrfField() + extra + "<div class=\"actions\"><button class=\"" + kind + "\" id=\"" + name
                + "\">" + esc(c.t(titleKey)) + "</button></div></form></section>";
    }

    private String boxId() {
        try {
            return status.status().boxId();
        } catch (RuntimeException e) {
            return "box";
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^a-z0-9-]", "");
    }
}
