package vn.diemcau.appliance.admin;

import static vn.diemcau.appliance.admin.Html.esc;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The status cards (also streamed to the open page as one line of HTML). */
final class StatusView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM").withZone(ZoneId.systemDefault());

    private StatusView() {
    }

    static String cards(Lang l, StatusPort port, SystemPort system) {
        StatusPort.BoxStatus s;
        try {
            s = port.status();
        } catch (RuntimeException e) {
            return Layout.notice("error", l.t("status.unavailable"));
        }
        StringBuilder b = new StringBuilder();
        s.configProblem().ifPresent(p -> b.append(Layout.notice("warn", l.t("status.configproblem") + " " + p)));
        b.append("<div class=\"grid\">");
        String callClass = switch (s.call()) {
            case "IN_CALL" -> "ok";
            case "ERROR" -> "bad";
            case "JOINING", "RETRYING", "LEAVING" -> "busy";
            default -> "idle";
        };
        // What the TV plays, in both languages like the mute notice: "Đang hiển thị: Chỉ điểm cầu trung tâm / Centre only".
        String view = s.view().map(v -> "<p class=\"detail\" id=\"call-view\">" + esc(l.t("status.view") + ": " + Lang.both("view." + v))
                + "</p>").orElse("")
                + s.nextSession().map(n -> "<p class=\"detail\" id=\"next-session\">" + esc(l.t("status.next") + ": " + n) + "</p>")
                        .orElse("");
        b.append(card(l, "status.call", callClass, "call-state", l.t("call." + s.call()),
                s.callRoom().map(r -> l.t("status.room", r)).orElse("") + s.callDetail().map(d -> " · " + d).orElse(""), view));
        b.append(card(l, "status.hub", s.hubConnected() ? "ok" : "bad", "hub-state",
                l.t(s.hubConnected() ? "status.hub.up" : "status.hub.down"),
                l.t("status.since", TIME.format(s.hubSince())) + (s.hubConnected() ? "" : s.hubError().map(e -> " · " + e).orElse(""))
                        + (s.pendingEvents() > 0 ? " · " + l.t("status.pending", s.pendingEvents()) : "")));
        b.append(card(l, "status.network", "idle", "ip-addresses", String.join(", ", addresses()), ""));
        b.append(card(l, "status.software", "idle", "version", s.softwareVersion(),
                s.hardware() + " · " + l.t("status.uptime", human(Duration.between(s.startedAt(), Instant.now())))));
        s.health().ifPresentOrElse(h -> b.append(card(l, "status.health", h.throttled() ? "bad" : "idle", "health",
                String.format(Locale.ROOT, "CPU %.0f%%", h.cpuPercent()) + h.temperatureC().map(t -> String.format(Locale.ROOT, " · %.0f °C", t)).orElse(""),
                l.t("status.memory", (h.memTotalBytes() - h.memAvailableBytes()) / 1_048_576, h.memTotalBytes() / 1_048_576)
                        + " · " + l.t("status.disk", h.diskFreeBytes() / 1_073_741_824.0 < 10
                        ? String.format(Locale.ROOT, "%.1f", h.diskFreeBytes() / 1_073_741_824.0) : Long.toString(h.diskFreeBytes() / 1_073_741_824))
                        + (h.throttled() ? " · " + l.t("status.throttled") : ""))),
                () -> b.append(card(l, "status.health", "idle", "health", l.t("status.health.none"), "")));
        b.append("</div>");
        List<String> errors;
        try {
            errors = system.recentErrors(8);
        } catch (RuntimeException e) {
            errors = List.of();
        }
        b.append("<section class=\"card\"><h2>").append(esc(l.t("status.errors"))).append("</h2>");
        if (errors.isEmpty()) {
            b.append("<p class=\"hint\" id=\"no-errors\">").append(esc(l.t("status.errors.none"))).append("</p>");
        } else {
            b.append("<ul class=\"errors\" id=\"errors\">");
            for (int i = errors.size() - 1; i >= 0; i--) b.append("<li>").append(esc(errors.get(i))).append("</li>");
            b.append("</ul>");
        }
        return b.append("</section>").toString();
    }

    private static String card(Lang l, String titleKey, String kind, String id, String value, String detail) {
        return card(l, titleKey, kind, id, value, detail, "");
    }

    /** A card; {@code extraHtml} (already escaped) goes after the detail line. */
    private static String card(Lang l, String titleKey, String kind, String id, String value, String detail, String extraHtml) {
        return "<section class=\"card stat " + kind + "\"><h2>" + esc(l.t(titleKey)) + "</h2><p class=\"value\" id=\"" + id + "\">"
                + esc(value) + "</p>" + (detail.isEmpty() ? "" : "<p class=\"detail\">" + esc(detail) + "</p>") + extraHtml + "</section>";
    }

    static List<String> addresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) continue;
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address || !a.isLinkLocalAddress()) {
                        String ip = a.getHostAddress();
                        int zone = ip.indexOf('%');
                        out.add(nif.getName() + " " + (zone < 0 ? ip : ip.substring(0, zone)));
                    }
                }
            }
        } catch (SocketException e) {
            // shown as none
        }
        if (out.isEmpty()) out.add("—");
        return out;
    }

    private static String human(Duration d) {
        long m = d.toMinutes();
        return m < 60 ? m + " min" : m < 1440 ? (m / 60) + " h " + (m % 60) + " min" : (m / 1440) + " d " + (m % 1440 / 60) + " h";
    }
}
