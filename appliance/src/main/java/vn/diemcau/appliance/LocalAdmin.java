package vn.diemcau.appliance;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.admin.AdminServer;
import vn.diemcau.appliance.admin.AdminSettings;
import vn.diemcau.appliance.admin.ApplianceStatusAdapter;
import vn.diemcau.appliance.admin.BoxConsole;
import vn.diemcau.appliance.admin.ConfigStoreAdapter;
import vn.diemcau.appliance.admin.HardwarePanelAdapter;
import vn.diemcau.appliance.admin.MediaEngineAdapter;
import vn.diemcau.appliance.admin.RecentLog;
import vn.diemcau.appliance.admin.SystemAdapter;
import vn.diemcau.appliance.config.AdminConfig;
import vn.diemcau.appliance.media.IdleInfo;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.hardware.HardwareKit;

/**
 * The box's local admin page wired to the running appliance: the {@link BoxConsole} adapters over
 * the config store, the appliance snapshot, the media engine, the hardware kit and the system, and
 * the {@link AdminServer} listening where the config's {@code admin} key says.
 *
 * <p>While first run is pending the setup code is logged once at INFO and, on a box with a media
 * engine, shown on the TV's idle slate; the slate is hidden again once first run is done.
 * Closing stops the server, then the panel adapter (which restores a previewed LED pattern).
 */
final class LocalAdmin implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalAdmin.class);
    static final Path FACTORY_CONFIG = Path.of("/usr/lib/diemcau/appliance.factory.json");

    private final AdminServer server;
    private final HardwarePanelAdapter panel;
    private final Optional<MediaEngine> media;
    private final Appliance appliance;
    private Optional<String> loggedCode = Optional.empty();

    LocalAdmin(AdminConfig config, RecentLog recent, Path configFile, Path stateDir, Appliance appliance, HardwareKit kit,
               Optional<MediaEngine> media) {
        this.appliance = Objects.requireNonNull(appliance, "appliance");
        this.media = Objects.requireNonNull(media, "media");
        this.panel = new HardwarePanelAdapter(kit);
        BoxConsole console = new BoxConsole(new ConfigStoreAdapter(appliance.config()), new ApplianceStatusAdapter(appliance::snapshot),
                new MediaEngineAdapter(media), panel,
                new SystemAdapter(recent, "diemcau-appliance", configFile, Optional.of(FACTORY_CONFIG), stateDir,
                        () -> System.exit(0), List.of("systemctl", "reboot"), System.getenv()));
        AdminSettings settings = AdminSettings.defaults(stateDir).withBindAddresses(config.bindAddresses())
                .withPorts(config.httpsPort(), config.httpPort());
        this.server = new AdminServer(settings, console, this::setupCode);
    }

    /** Starts listening. Idempotent. */
    void start() {
        server.start();
    }

    int httpsPort() {
        return server.httpsPort();
    }

    /** Called by the admin server (on its thread) with the pending setup code, or empty once first run is done. */
    private synchronized void setupCode(Optional<String> code) {
        if (code.isPresent() && !code.equals(loggedCode)) {
            log.info("Admin page setup code: {} (first run at https://<box address>:{}/)", code.get(), server.httpsPort());
        }
        loggedCode = code;
        media.ifPresent(engine -> {
            if (code.isPresent()) {
                engine.idleScreen().show(new IdleInfo(appliance.config().current().displayName(),
                        "Mã cài đặt / Setup code: " + code.get(), Optional.empty()));
            } else {
                engine.idleScreen().hide();
            }
        });
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            panel.close();
        }
    }
}
