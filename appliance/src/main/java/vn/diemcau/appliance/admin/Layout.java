package vn.diemcau.appliance.admin;

import static vn.diemcau.appliance.admin.Html.esc;

import java.util.List;

/** The page shell: header with the box name and language switch, navigation, the content, CSRF token for scripts. */
final class Layout {

    /** Navigation entries: path, message key. */
    static final List<String[]> NAV = List.of(
            new String[] {"/status", "nav.status"},
            new String[] {"/provisioning", "nav.provisioning"},
            new String[] {"/media", "nav.media"},
            new String[] {"/panel", "nav.panel"},
            new String[] {"/logs", "nav.logs"},
            new String[] {"/maintenance", "nav.maintenance"});

    private Layout() {
    }

    /**
     * A full page.
     *
     * @param path    the current path (active nav entry, language switch return address)
     * @param csrf    the session's CSRF token
     * @param nav     whether to show the navigation (not on login and first run)
     * @param boxName shown in the header
     */
    static String page(Lang l, String path, String titleKey, String csrf, boolean nav, String boxName, String body) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html lang=\"").append(l.code).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"csrf\" content=\"").append(esc(csrf)).append("\">")
                .append("<title>").append(esc(l.t(titleKey))).append(" · diemcau</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/admin.css\">")
                .append("<script src=\"/static/admin.js\" defer></script></head><body>");
        b.append("<header class=\"top\"><div class=\"brand\"><span class=\"logo\" aria-hidden=\"true\">◉</span> <span>")
                .append(esc(l.t("app.name"))).append("</span>");
        if (!boxName.isBlank()) b.append("<span class=\"box\">").append(esc(boxName)).append("</span>");
        b.append("</div><div class=\"tools\"><a class=\"lang\" id=\"lang-switch\" href=\"/lang?to=").append(l.other().code)
                .append("&amp;back=").append(esc(java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)))
                .append("\">").append(l == Lang.VI ? "English" : "Tiếng Việt").append("</a>");
        if (nav) {
            b.append("<form method=\"post\" action=\"/logout\" class=\"inline\">").append(csrfField(csrf))
                    .append("<button class=\"link\" id=\"logout\">").append(esc(l.t("nav.logout"))).append("</button></form>");
        }
        b.append("</div></header>");
        if (nav) {
            b.append("<nav class=\"nav\">");
            for (String[] n : NAV) {
                b.append("<a href=\"").append(n[0]).append("\"").append(path.startsWith(n[0]) ? " class=\"on\" aria-current=\"page\"" : "")
                        .append(">").append(esc(l.t(n[1]))).append("</a>");
            }
            b.append("</nav>");
        }
        b.append("<main class=\"main\"><h1>").append(esc(l.t(titleKey))).append("</h1>").append(body).append("</main>");
        b.append("<footer class=\"foot\">").append(esc(l.t("app.footer"))).append("</footer></body></html>");
        return b.toString();
    }

    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf) + "\">";
    }

    /** A notice box: kind is ok, warn, error or info. */
    static String notice(String kind, String text) {
        return "<div class=\"notice " + kind + "\" role=\"" + (kind.equals("error") ? "alert" : "status") + "\">" + esc(text) + "</div>";
    }

    /** The page anyone may see when something failed: Vietnamese and English, never a stack trace. */
    static String errorPage(int status, String key) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + status + "</title><link rel=\"stylesheet\" href=\"/static/admin.css\"></head><body>"
                + "<main class=\"main\"><h1>" + esc(Lang.VI.t("error.title")) + "</h1><p class=\"en-sub\">" + esc(Lang.EN.t("error.title")) + "</p>"
                + "<div class=\"notice error\" role=\"alert\"><p>" + esc(Lang.VI.t(key)) + "</p><p>" + esc(Lang.EN.t(key)) + "</p></div>"
                + "<p><a class=\"button\" href=\"/\">" + esc(Lang.VI.t("error.home")) + " / " + esc(Lang.EN.t("error.home")) + "</a></p>"
                + "</main></body></html>";
    }
}
