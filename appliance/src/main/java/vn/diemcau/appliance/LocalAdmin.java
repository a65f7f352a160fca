package vn.diemcau.appliance;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import vn.diemcau.appliance.media.IdleInfo;
import vn.diemcau.appliance.media.MediaEngine;

/**
 * The box's local admin page wired to the {@link ApplianceHost}: the {@link BoxConsole} adapters over
 * the config store, the host's status (the appliance's snapshot once it runs, an unprovisioned box
 * before), the media engine, the hardware kit and the system, and the {@link AdminServer}
 * listening where the config's {@code admin} key says (its defaults on an unprovisioned box).
 *
 * <p>While first run is pending the setup code is logged once at INFO and, on a box with a media
 * engine, shown on the TV's idle slate while no call needs the display; the slate is hidden when a
 * call starts and once first run is done. Slate changes run on the {@code admin-slate} thread.
 * Closing stops the server, then the panel adapter (which restores a previewed LED pattern).
 */
final class LocalAdmin implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalAdmin.class);
    private final AdminServer server;
    private final HardwarePanelAdapter panel;
    private final Optional<MediaEngine> media;
    private final ApplianceHost host;
    private final ExecutorService slate = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("admin-slate").daemon().factory());
    private Optional<String> pendingCode = Optional.empty();
    private boolean displayFree = true;

    /**
     * @param factoryConfig what factory reset copies over the config file (absent: the file is removed)
     * @param host          the running (or still unprovisioned) box; start it first so its media engine exists
     */
    LocalAdmin(AdminConfig config, RecentLog recent, Path configFile, Path factoryConfig, Path stateDir, ApplianceHost host) {
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
        if (media.isPresent()) host.onUp(a -> a.addListener(this::callChanged));
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
        refreshSlate();
    }

    /** On an appliance thread: the slate must give way to a call (joining, in call, retrying, leaving). */
    private synchronized void callChanged(ApplianceSnapshot s) {
        boolean free = s.call().status() instanceof CallStatus.Idle || s.call().status() instanceof CallStatus.Failed;
        if (free == displayFree) return;
        displayFree = free;
        refreshSlate();
    }

    private void refreshSlate() {
        if (media.isEmpty() || slate.isShutdown()) return;
        Optional<String> code = pendingCode;
        boolean show = code.isPresent() && displayFree;
        slate.execute(() -> {
            try {
                if (show) {
                    media.get().idleScreen().show(new IdleInfo(roomName(), "Mã cài đặt / Setup code: " + code.get(), Optional.empty()));
                } else {
                    media.get().idleScreen().hide();
                }
            } catch (RuntimeException e) {
                log.warn("Idle slate update failed: {}", e.toString());
            }
        });
    }

    /** The room's name, or "not set up" while the box is not provisioned. */
    private String roomName() {
        return host.config().running().map(c -> c.displayName()).orElse("Chưa cài đặt / Not set up");
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            synchronized (this) {
                slate.shutdownNow();
            }
            panel.close();
        }
    }
}
