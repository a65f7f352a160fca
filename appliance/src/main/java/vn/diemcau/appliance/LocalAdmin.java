package vn.diemcau.appliance;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.admin.AdminServer;
import vn.diemcau.appliance.admin.AdminSettings;
import vn.diemcau.appliance.admin.BoxConsole;
import vn.diemcau.appliance.admin.ConfigStoreAdapter;
import vn.diemcau.appliance.admin.HardwarePanelAdapter;
import vn.diemcau.appliance.admin.MediaEngineAdapter;
import vn.diemcau.appliance.admin.RecentLog;
import vn.diemcau.appliance.admin.SystemAdapter;
import vn.diemcau.appliance.call.CallStatus;
import vn.diemcau.appliance.config.AdminConfig;
import vn.diemcau.appliance.media.MediaEngine;

/**
 * The box's local admin page wired to the {@link ApplianceHost}: the {@link BoxConsole} adapters over
 * the config store, the host's status (the appliance's snapshot once it runs, an unprovisioned box
 * before), the media engine, the hardware kit and the system, and the {@link AdminServer}
 * listening where the config's {@code admin} key says (its defaults on an unprovisioned box).
 *
 * <p>While first run is pending the setup code is logged once at INFO and handed to the
 * {@link TvSlate}, which shows it on the TV while no call needs the display.
 * Closing stops the server, then the panel adapter (which restores a previewed LED pattern).
 */
final class LocalAdmin implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalAdmin.class);
    private final AdminServer server;
    private final HardwarePanelAdapter panel;
    private final Optional<MediaEngine> media;
    private final ApplianceHost host;
    private final TvSlate slate;
    private Optional<String> pendingCode = Optional.empty();

    /**
     * @param factoryConfig what factory reset copies over the config file (absent: the file is removed)
     * @param host          the running (or still unprovisioned) box; start it first so its media engine exists
     */
    LocalAdmin(AdminConfig config, RecentLog recent, Path configFile, Path factoryConfig, Path stateDir, ApplianceHost host,
               TvSlate slate) {
        this.slate = slate;
        this.host = Objects.requireNonNull(host, "host");
        this.media = host.media();
        this.panel = new HardwarePanelAdapter(host.kit());
        BoxConsole console = new BoxConsole(new ConfigStoreAdapter(host.config()), host.status(),
                new MediaEngineAdapter(media), panel,
                new SystemAdapter(recent, "diemcau-appliance", configFile, Optional.of(factoryConfig), stateDir,
                        () -> System.exit(0), List.of("systemctl", "--no-wall", "reboot"), System.getenv()));
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
        if (code.isPresent() && !code.equals(pendingCode)) {
            log.info("Admin page setup code: {} (first run at https://<box address>:{}/)", code.get(), server.httpsPort());
        }
        pendingCode = code;
        slate.setupCode(code);
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
