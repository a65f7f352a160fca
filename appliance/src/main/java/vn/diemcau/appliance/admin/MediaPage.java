package vn.diemcau.appliance.admin;

import static vn.diemcau.appliance.admin.Html.esc;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Audio and video: device choice, live snapshot, microphone meter, test tone, self-test. */
final class MediaPage {
    private static final Logger log = LoggerFactory.getLogger(MediaPage.class);

    private final MediaPort media;
    private final ConfigPort config;

    MediaPage(MediaPort media, ConfigPort config) {
        this.media = media;
        this.config = config;
    }

    WebResponse show(Ctx c) {
        return render(c, 200, "", Optional.empty());
    }

    WebResponse snapshot(Ctx c) {
        try {
            Optional<byte[]> jpeg = media.snapshotJpeg();
            if (jpeg.isEmpty()) return WebResponse.json(503, "{\"error\":\"no-picture\"}");
            return WebResponse.bytes("image/jpeg", jpeg.get()).header("Cache-Control", "no-store");
        } catch (BoxConsole.NotAvailable e) {
            return WebResponse.json(503, "{\"error\":\"not-available\"}");
        }
    }

    WebResponse micEvents(Ctx c) {
        return Sse.stream(() -> {
            OptionalDouble db = media.microphoneLevelDb();
            return db.isPresent() ? String.format(java.util.Locale.ROOT, "{\"db\":%.1f}", db.getAsDouble()) : "{\"db\":null}";
        }, Duration.ofMillis(200), Duration.ofMinutes(2));
    }

    WebResponse tone(Ctx c) {
        String notice;
        try {
            media.playTestTone();
            notice = Layout.notice("ok", c.t("media.tone.played"));
        } catch (BoxConsole.NotAvailable e) {
            notice = Layout.notice("warn", c.t("media.tone.failed") + " (" + e.getMessage() + ")");
            if (c.req().header("x-csrf-token").isPresent()) return WebResponse.json(200, "{\"ok\":false}");
        }
        if (c.req().header("x-csrf-token").isPresent()) return WebResponse.json(200, "{\"ok\":true}");
        return render(c, 200, notice, Optional.empty());
    }

    WebResponse selfTest(Ctx c) {
        try {
            List<MediaPort.CheckResult> results = media.selfTest();
            log.info("Self-test from the admin page: {}", results);
            return render(c, 200, "", Optional.of(results));
        } catch (BoxConsole.NotAvailable e) {
            return render(c, 200, Layout.notice("warn", c.t("common.notavailable")), Optional.empty());
        }
    }

    WebResponse saveDevices(Ctx c) {
        List<MediaPort.Device> devices = devices();
        String camera = c.req().field("camera");
        String mic = c.req().field("microphone");
        String speaker = c.req().field("speaker");
        if (!known(devices, MediaPort.DeviceKind.CAMERA, camera) || !known(devices, MediaPort.DeviceKind.MICROPHONE, mic)
                || !known(devices, MediaPort.DeviceKind.SPEAKER, speaker)) {
            return render(c, 400, Layout.notice("error", c.t("media.devices.unknown")), Optional.empty());
        }
        try {
            ConfigPort.Applied applied = config.saveMediaChoice(new ConfigPort.MediaChoice(camera, mic, speaker));
            return render(c, 200, Layout.notice("ok", c.t(applied == ConfigPort.Applied.LIVE ? "prov.saved.live" : "prov.saved.restart")),
                    Optional.empty());
        } catch (BoxConsole.NotAvailable e) {
            return render(c, 200, Layout.notice("warn", c.t("common.notavailable")), Optional.empty());
        } catch (ConfigPort.InvalidField e) {
            return render(c, 400, Layout.notice("error", c.t("media.devices.unknown")), Optional.empty());
        }
    }

    private static boolean known(List<MediaPort.Device> devices, MediaPort.DeviceKind kind, String id) {
        return id.equals("auto") || devices.stream().anyMatch(d -> d.kind() == kind && d.id().equals(id));
    }

    private List<MediaPort.Device> devices() {
        try {
            return media.devices();
        } catch (BoxConsole.NotAvailable e) {
            return List.of();
        }
    }

    private WebResponse render(Ctx c, int status, String top, Optional<List<MediaPort.CheckResult>> results) {
        StringBuilder b = new StringBuilder(top);
        b.append("<div class=\"grid\">");
        b.append("<section class=\"card\"><h2>").append(esc(c.t("media.camera"))).append("</h2>")
                .append("<div class=\"snapshot\"><img id=\"snapshot\" alt=\"").append(esc(c.t("media.snapshot.alt")))
                .append("\" src=\"/media/snapshot.jpg\" data-missing=\"").append(esc(c.t("media.snapshot.none"))).append("\">")
                .append("<p class=\"hint\" id=\"snapshot-missing\" hidden>").append(esc(c.t("media.snapshot.none"))).append("</p></div>")
                .append("<div class=\"actions\"><button class=\"secondary\" type=\"button\" id=\"snapshot-refresh\">")
                .append(esc(c.t("media.snapshot.refresh"))).append("</button><label class=\"check\"><input type=\"checkbox\" id=\"snapshot-live\"> ")
                .append(esc(c.t("media.snapshot.live"))).append("</label></div></section>");
        b.append("<section class=\"card\"><h2>").append(esc(c.t("media.audio"))).append("</h2>")
                .append("<label for=\"mic-meter\">").append(esc(c.t("media.mic.level"))).append("</label>")
                .append("<meter id=\"mic-meter\" min=\"-60\" max=\"0\" low=\"-45\" high=\"-6\" optimum=\"-20\" value=\"-60\"></meter>")
                .append("<p class=\"reading\" id=\"mic-db\" data-none=\"").append(esc(c.t("media.mic.none"))).append("\">—</p>")
                .append("<form method=\"post\" action=\"/media/tone\" class=\"inline\" id=\"tone-form\">").append(c.csrfField())
                .append("<button class=\"secondary\" id=\"tone\">").append(esc(c.t("media.tone"))).append("</button></form>")
                .append("<p class=\"help\">").append(esc(c.t("media.tone.help"))).append("</p></section>");
        b.append("</div>");
        b.append("<section class=\"card\"><h2>").append(esc(c.t("media.selftest"))).append("</h2><p class=\"help\">")
                .append(esc(c.t("media.selftest.help"))).append("</p>");
        results.ifPresent(r -> b.append(resultsHtml(c, r)));
        b.append("<form method=\"post\" action=\"/media/selftest\">").append(c.csrfField())
                .append("<button class=\"primary\" id=\"selftest\">").append(esc(c.t("media.selftest.run"))).append("</button></form></section>");
        b.append(devicesForm(c));
        return c.page(status, "media.title", b.toString());
    }

    private String devicesForm(Ctx c) {
        List<MediaPort.Device> devices = devices();
        ConfigPort.MediaChoice choice;
        try {
            choice = config.mediaChoice();
        } catch (BoxConsole.NotAvailable e) {
            choice = new ConfigPort.MediaChoice("auto", "auto", "auto");
        }
        StringBuilder b = new StringBuilder("<section class=\"card\"><h2>").append(esc(c.t("media.devices"))).append("</h2>")
                .append("<form method=\"post\" action=\"/media/devices\" class=\"form\">").append(c.csrfField());
        b.append(select(c, "camera", MediaPort.DeviceKind.CAMERA, devices, choice.camera()));
        b.append(select(c, "microphone", MediaPort.DeviceKind.MICROPHONE, devices, choice.microphone()));
        b.append(select(c, "speaker", MediaPort.DeviceKind.SPEAKER, devices, choice.speaker()));
        return b.append("<div class=\"actions\"><button class=\"primary\" id=\"save-devices\">").append(esc(c.t("media.devices.save")))
                .append("</button></div></form></section>").toString();
    }

    private static String select(Ctx c, String name, MediaPort.DeviceKind kind, List<MediaPort.Device> devices, String chosen) {
        StringBuilder b = new StringBuilder("<div class=\"field\"><label for=\"f-").append(name).append("\">")
                .append(esc(c.t("media.device." + name))).append("</label><select id=\"f-").append(name).append("\" name=\"").append(name).append("\">")
                .append("<option value=\"auto\"").append(chosen.equals("auto") ? " selected" : "").append(">").append(esc(c.t("media.device.auto"))).append("</option>");
        for (MediaPort.Device d : devices) {
            if (d.kind() != kind) continue;
            b.append("<option value=\"").append(esc(d.id())).append("\"").append(d.id().equals(chosen) ? " selected" : "").append(">")
                    .append(esc(d.label())).append("</option>");
        }
        return b.append("</select></div>").toString();
    }

    private static String resultsHtml(Ctx c, List<MediaPort.CheckResult> results) {
        boolean all = results.stream().allMatch(MediaPort.CheckResult::passed);
        StringBuilder b = new StringBuilder("<div class=\"probe ").append(all ? "ok" : "fail").append("\" id=\"selftest-result\" role=\"status\"><p class=\"verdict\">")
                .append(esc(c.t(all ? "media.selftest.pass" : "media.selftest.fail"))).append("</p><ol>");
        for (MediaPort.CheckResult r : results) {
            b.append("<li class=\"").append(r.passed() ? "ok" : "fail").append("\" data-item=\"").append(r.item()).append("\"><span class=\"mark\">")
                    .append(r.passed() ? "✔" : "✘").append("</span> <b>").append(esc(c.t("media.check." + r.item()))).append("</b>: ")
                    .append(esc(c.t(r.passed() ? "media.check.pass" : "media.check.fail"))).append(" <span class=\"detail\">(")
                    .append(esc(r.localized().map(l -> c.t(l.key(), l.args().toArray())).orElse(r.detail()))).append(")</span></li>");
        }
        return b.append("</ol></div>").toString();
    }
}
