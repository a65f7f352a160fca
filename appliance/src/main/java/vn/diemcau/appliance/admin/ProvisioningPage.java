package vn.diemcau.appliance.admin;

import static vn.diemcau.appliance.admin.Html.esc;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Provisioning: identity, hub credentials, conference; field errors; test connection; save and roll back. */
final class ProvisioningPage {
    private static final Logger log = LoggerFactory.getLogger(ProvisioningPage.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(ZoneId.systemDefault());

    private final ConfigPort config;
    private final StatusPort status;
    private final ConnectionProbe probe;

    ProvisioningPage(ConfigPort config, StatusPort status, ConnectionProbe probe) {
        this.config = config;
        this.status = status;
        this.probe = probe;
    }

    WebResponse show(Ctx c) {
        StringBuilder top = new StringBuilder();
        c.req().queryParam("welcome").ifPresent(w -> top.append(Layout.notice("ok", c.t("prov.welcome"))));
        c.req().queryParam("saved").ifPresent(s -> top.append(Layout.notice("ok",
                c.t(s.equals("restart") ? "prov.saved.restart" : "prov.saved.live"))));
        c.req().queryParam("rolledback").ifPresent(s -> top.append(Layout.notice("ok", c.t("prov.rolledback"))));
        return render(c, 200, config.current(), Map.of(), top.toString(), "");
    }

    WebResponse save(Ctx c) {
        Provisioning saved = config.current();
        ProvisioningForm.Result form = ProvisioningForm.read(c.req(), saved);
        if (form.malformed()) {
            log.warn("Refused a malformed provisioning form from {}", c.req().remote());
            return WebResponse.html(400, Layout.errorPage(400, "error.form"));
        }
        if (!form.ok()) return render(c, 400, form.values(), form.errors(), Layout.notice("error", c.t("prov.fix")), "");
        try {
            ConfigPort.Applied applied = config.save(form.values());
            log.info("Provisioning saved from the admin page ({})", applied);
            return WebResponse.redirect("/provisioning?saved=" + (applied == ConfigPort.Applied.LIVE ? "live" : "restart"));
        } catch (ConfigPort.InvalidField e) {
            String field = ProvisioningForm.FIELDS.contains(e.field()) ? e.field() : "boxId";
            log.warn("The box refused provisioning field {}: {}", e.field(), e.getMessage());
            return render(c, 400, form.values(), Map.of(field, "prov.error.refused"), Layout.notice("error", c.t("prov.fix")), "");
        }
    }

    WebResponse test(Ctx c) {
        Provisioning saved = config.current();
        ProvisioningForm.Result form = ProvisioningForm.read(c.req(), saved);
        if (form.malformed()) return WebResponse.html(400, Layout.errorPage(400, "error.form"));
        Provisioning v = form.values();
        boolean hub = !c.req().field("target").equals("conference");
        String[] needed = hub ? new String[] {"boxId", "hubUrl", "hubUsername", "hubPassword"} : new String[] {"conferenceServer", "conferenceRoom"};
        Map<String, String> relevant = new java.util.LinkedHashMap<>();
        for (String f : needed) {
            if (form.errors().containsKey(f)) relevant.put(f, form.errors().get(f));
        }
        if (!relevant.isEmpty()) return render(c, 400, v, relevant, Layout.notice("error", c.t("prov.fix")), "");
        ProbeReport report = hub ? probe.hub(v.hubUrl(), v.boxId(), v.hubUsername(), v.hubPassword())
                : probe.conference(v.conferenceServer(), v.conferenceRoom());
        log.info("Connection test {} {}: {}", hub ? "hub" : "conference", report.target(),
                report.failure().map(s -> "failed at " + s.stage() + " (" + s.detail() + ")").orElse("ok"));
        return render(c, 200, v, Map.of(), "", reportHtml(c, hub, report));
    }

    WebResponse rollback(Ctx c) {
        try {
            ConfigPort.Applied applied = config.rollback();
            log.info("Provisioning rolled back from the admin page ({})", applied);
            return WebResponse.redirect("/provisioning?rolledback=1&saved=" + (applied == ConfigPort.Applied.LIVE ? "live" : "restart"));
        } catch (BoxConsole.NotAvailable e) {
            return render(c, 409, config.current(), Map.of(), Layout.notice("error", c.t("prov.rollback.none")), "");
        }
    }

    private WebResponse render(Ctx c, int code, Provisioning v, Map<String, String> errors, String top, String report) {
        StringBuilder b = new StringBuilder(top);
        boolean hubDown = hubDown();
        if (hubDown) b.append(rollbackBox(c, true));
        b.append("<form method=\"post\" action=\"/provisioning\" class=\"form\" id=\"prov-form\" novalidate>").append(c.csrfField());
        b.append("<section class=\"card\"><h2>").append(esc(c.t("prov.box"))).append("</h2>")
                .append(input(c, "boxId", v.boxId(), errors, "text", "off", "maxlength=\"64\" autocapitalize=\"none\" spellcheck=\"false\""))
                .append(input(c, "displayName", v.displayName(), errors, "text", "off", "maxlength=\"100\""))
                .append(input(c, "commune", v.commune(), errors, "text", "off", "maxlength=\"100\""))
                .append(input(c, "room", v.room(), errors, "text", "off", "maxlength=\"100\""))
                .append("</section>");
        b.append("<section class=\"card\"><h2>").append(esc(c.t("prov.hub"))).append("</h2>")
                .append(input(c, "hubUrl", v.hubUrl(), errors, "text", "off", "maxlength=\"255\" inputmode=\"url\" autocapitalize=\"none\" spellcheck=\"false\" placeholder=\"ssl://hub.example.vn:8883\""))
                .append(input(c, "hubUsername", v.hubUsername(), errors, "text", "off", "maxlength=\"64\" autocapitalize=\"none\" spellcheck=\"false\""))
                .append(input(c, "hubPassword", typed(c, "hubPassword", errors), errors, "password", "new-password",
                        "maxlength=\"128\"" + secretPlaceholder(c, config.current().hubPassword())))
                .append("<div class=\"actions\"><button class=\"secondary\" name=\"target\" value=\"hub\" formaction=\"/provisioning/test\" id=\"test-hub\">")
                .append(esc(c.t("prov.test.hub"))).append("</button></div>");
        if (report.contains("data-target=\"hub\"")) b.append(report);
        b.append("</section>");
        b.append("<section class=\"card\"><h2>").append(esc(c.t("prov.conference"))).append("</h2>")
                .append(input(c, "conferenceServer", v.conferenceServer(), errors, "text", "off", "maxlength=\"255\" inputmode=\"url\" autocapitalize=\"none\" spellcheck=\"false\" placeholder=\"https://hoinghi.example.vn/janus\""))
                .append(input(c, "conferenceRoom", v.conferenceRoom(), errors, "text", "off", "maxlength=\"18\" inputmode=\"numeric\""))
                .append(input(c, "conferencePin", typed(c, "conferencePin", errors), errors, "password", "new-password",
                        "maxlength=\"128\"" + secretPlaceholder(c, config.current().conferencePin())))
                .append("<div class=\"actions\"><button class=\"secondary\" name=\"target\" value=\"conference\" formaction=\"/provisioning/test\" id=\"test-conference\">")
                .append(esc(c.t("prov.test.conference"))).append("</button></div>");
        if (report.contains("data-target=\"conference\"")) b.append(report);
        b.append("</section>");
        b.append("<div class=\"actions sticky\"><button class=\"primary\" id=\"save\">").append(esc(c.t("prov.save")))
                .append("</button></div></form>");
        if (!hubDown) b.append(rollbackBox(c, false));
        return c.page(code, "prov.title", b.toString());
    }

    private boolean hubDown() {
        try {
            return !status.status().hubConnected();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String rollbackBox(Ctx c, boolean hubDown) {
        Optional<java.time.Instant> prev = config.previousSavedAt();
        if (prev.isEmpty()) return "";
        return "<section class=\"card " + (hubDown ? "warn" : "quiet") + "\" id=\"rollback\"><p>"
                + esc(c.t(hubDown ? "prov.rollback.hubdown" : "prov.rollback.hint", TIME.format(prev.get()))) + "</p>"
                + "<form method=\"post\" action=\"/provisioning/rollback\">" + c.csrfField()
                + "<button class=\"secondary\" id=\"rollback-button\">" + esc(c.t("prov.rollback")) + "</button></form></section>";
    }

    /** A secret typed in this very request is given back (so a failed save or a test does not make the technician retype it); a saved one never is. */
    private static String typed(Ctx c, String field, Map<String, String> errors) {
        return c.req().post() && !errors.containsKey(field) ? c.req().field(field) : "";
    }

    private static String secretPlaceholder(Ctx c, String saved) {
        return saved.isEmpty() ? "" : " placeholder=\"" + esc(c.t("prov.secret.kept")) + "\"";
    }

    private static String input(Ctx c, String name, String value, Map<String, String> errors, String type, String ac, String extra) {
        String err = errors.containsKey(name) ? c.t(errors.get(name)) : "";
        String helpKey = "prov." + name + ".help";
        return AuthPages.field(c, name, "prov." + name, c.t(helpKey).equals(helpKey) ? "" : helpKey, type, ac, err,
                "value=\"" + esc(value) + "\" " + extra);
    }

    private static String reportHtml(Ctx c, boolean hub, ProbeReport r) {
        StringBuilder b = new StringBuilder("<div class=\"probe ").append(r.ok() ? "ok" : "fail").append("\" id=\"probe-result\" data-target=\"")
                .append(hub ? "hub" : "conference").append("\" role=\"status\"><p class=\"verdict\">")
                .append(esc(c.t(r.ok() ? "probe.ok" : "probe.failed", c.t(r.failure().map(s -> "stage." + s.stage()).orElse("stage.ADDRESS")))))
                .append("</p><ol>");
        for (ProbeReport.Step s : r.steps()) {
            b.append("<li class=\"").append(s.ok() ? "ok" : "fail").append("\"><span class=\"mark\">").append(s.ok() ? "✔" : "✘")
                    .append("</span> <b>").append(esc(c.t("stage." + s.stage()))).append("</b>: ").append(esc(c.t(s.messageKey())))
                    .append(" <span class=\"detail\">(").append(esc(s.detail())).append(", ").append(s.took().toMillis()).append(" ms)</span></li>");
        }
        return b.append("</ol></div>").toString();
    }
}
