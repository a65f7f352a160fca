package vn.diemcau.appliance.admin;

import static vn.diemcau.appliance.admin.Html.esc;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Buttons and LEDs: live button state, the virtual join button, LED pattern preview and cycling. */
final class PanelPage {
    private static final Logger log = LoggerFactory.getLogger(PanelPage.class);

    private final PanelPort panel;

    PanelPage(PanelPort panel) {
        this.panel = panel;
    }

    WebResponse show(Ctx c) {
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"grid\"><section class=\"card\"><h2>").append(esc(c.t("panel.button"))).append("</h2>")
                .append("<div class=\"button-state\" id=\"button-state\" data-down=\"").append(esc(c.t("panel.button.down")))
                .append("\" data-up=\"").append(esc(c.t("panel.button.up"))).append("\" data-state=\"").append(panel.buttonDown() ? "down" : "up").append("\">")
                .append(esc(c.t(panel.buttonDown() ? "panel.button.down" : "panel.button.up"))).append("</div>")
                .append("<p class=\"help\">").append(esc(c.t("panel.button.help"))).append("</p>");
        if (panel.hasVirtualButton()) {
            b.append("<h3>").append(esc(c.t("panel.virtual"))).append("</h3><p class=\"help\">").append(esc(c.t("panel.virtual.help")))
                    .append("</p><button type=\"button\" class=\"join-button\" id=\"virtual-button\">").append(esc(c.t("panel.virtual.press")))
                    .append("</button>");
        }
        if (panel.hasVirtualMute()) {
            b.append("<h3>").append(esc(c.t("panel.mute"))).append("</h3><p class=\"help\">").append(esc(c.t("panel.mute.help")))
                    .append("</p><form method=\"post\" action=\"/panel/mute\">").append(c.csrfField())
                    .append("<button class=\"secondary\" id=\"virtual-mute\">").append(esc(c.t("panel.mute.press"))).append("</button></form>");
        }
        b.append("</section><section class=\"card\"><h2>").append(esc(c.t("panel.leds"))).append("</h2>")
                .append("<p>").append(esc(c.t("panel.led.current"))).append(" <b id=\"led-current\">").append(esc(ledName(c, panel.ledPattern())))
                .append("</b></p><form method=\"post\" action=\"/panel/led\" class=\"led-list\">").append(c.csrfField());
        for (String p : panel.ledPatterns()) {
            b.append("<button class=\"secondary\" name=\"pattern\" value=\"").append(esc(p)).append("\">").append(esc(ledName(c, p))).append("</button>");
        }
        b.append("</form><div class=\"actions\"><button type=\"button\" class=\"primary\" id=\"led-cycle\" data-patterns=\"")
                .append(esc(String.join(",", panel.ledPatterns()))).append("\" data-stop=\"").append(esc(c.t("panel.led.stop"))).append("\">")
                .append(esc(c.t("panel.led.cycle"))).append("</button></div><p class=\"help\">").append(esc(c.t("panel.led.help")))
                .append("</p></section></div>");
        return c.page("panel.title", b.toString());
    }

    WebResponse events(Ctx c) {
        return Sse.stream(() -> "{\"down\":" + panel.buttonDown() + ",\"led\":" + Html.json(ledName(c, panel.ledPattern())) + "}",
                Duration.ofMillis(100), Duration.ofMinutes(2));
    }

    WebResponse button(Ctx c) {
        String down = c.req().field("down");
        if (!down.equals("true") && !down.equals("false")) return WebResponse.json(400, "{\"error\":\"down must be true or false\"}");
        try {
            panel.virtualButton(Boolean.parseBoolean(down));
            return WebResponse.json(200, "{\"ok\":true}");
        } catch (BoxConsole.NotAvailable e) {
            return WebResponse.json(409, "{\"error\":\"no virtual button\"}");
        }
    }

    WebResponse mute(Ctx c) {
        try {
            panel.virtualMute();
            log.info("Virtual mute button pressed from the admin page");
            return WebResponse.redirect("/panel");
        } catch (BoxConsole.NotAvailable e) {
            return WebResponse.json(409, "{\"error\":\"no virtual mute button\"}");
        }
    }

    WebResponse led(Ctx c) {
        String pattern = c.req().field("pattern");
        if (!panel.ledPatterns().contains(pattern)) return WebResponse.json(400, "{\"error\":\"unknown pattern\"}");
        panel.previewLed(pattern);
        log.info("LED pattern {} previewed from the admin page", pattern);
        if (c.req().header("x-csrf-token").isPresent()) return WebResponse.json(200, "{\"ok\":true}");
        return WebResponse.redirect("/panel");
    }

    private static String ledName(Ctx c, String pattern) {
        String key = "led." + pattern;
        String t = c.t(key);
        return t.equals(key) ? pattern : t;
    }
}
