package vn.diemcau.appliance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.diemcau.appliance.admin.RecentLog;
import vn.diemcau.appliance.config.BootSettings;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.appliance.systemd.SystemdNotifier;
import vn.diemcau.hardware.Button;
import vn.diemcau.hardware.Hardware;
import vn.diemcau.hardware.HardwareKit;
import vn.diemcau.hardware.HardwareSettings;

/**
 * The appliance's composition root.
 *
 * <pre>
 * diemcau-appliance --config /etc/diemcau/appliance.json --state-dir /var/lib/diemcau [--dev-console]
 * </pre>
 *
 * The config never stops the program: a missing, corrupt or invalid config file leaves the box
 * <em>unprovisioned</em> (see {@link ConfigStore#load} and {@link ApplianceHost}) with only the local
 * admin page running, and a valid provisioning saved there brings the appliance up in this process.
 * Exit codes: 0 after a normal stop, 78 (EX_CONFIG) for {@code --dev-console} without devMode, 1 for
 * any other start failure. Components start in dependency order and stop in reverse from the
 * shutdown hook.
 */
@Command(name = "diemcau-appliance", mixinStandardHelpOptions = true, version = "diemcau appliance",
        description = "Runs a diemcau room appliance: call state machine, join button and LEDs, fleet agent.")
public final class Main implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(Main.class);
    static final int EX_CONFIG = 78;

    @Option(names = "--config", description = "config file (default ${DEFAULT-VALUE})", defaultValue = "/etc/diemcau/appliance.json")
    Path configFile;

    @Option(names = "--state-dir", description = "state directory: event journal, command log (default ${DEFAULT-VALUE})",
            defaultValue = "/var/lib/diemcau")
    Path stateDir;

    @Option(names = "--factory-config", description = "what an unprovisioned box starts from and factory reset restores (default ${DEFAULT-VALUE})",
            defaultValue = "/usr/lib/diemcau/appliance.factory.json")
    Path factoryConfig;

    @Option(names = "--dev-console", description = "devMode only: read 'short', 'long', 'mute', 'identify' lines from stdin as button presses")
    boolean devConsole;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        RecentLog recent = RecentLog.install();
        // Before GStreamer starts: ~6 MB less RSS in a call (x264's huge-page buffers); -Ddiemcau.hugePages=true keeps them.
        if (!Boolean.getBoolean("diemcau.hugePages") && !HugePages.disable()) log.debug("Transparent huge pages stay on");
        SystemdNotifier systemd = SystemdNotifier.fromEnvironment(System.getenv());
        ConfigStore config = ConfigStore.load(configFile, System.getenv(), Optional.of(factoryConfig), Clock.systemUTC());
        BootSettings boot = BootSettings.of(config);
        if (devConsole && !boot.devMode()) {
            System.err.println("diemcau-appliance: --dev-console needs devMode true in " + configFile);
            return EX_CONFIG;
        }
        Files.createDirectories(stateDir);
        HardwareKit kit = openHardware(boot);
        ApplianceHost host = new ApplianceHost(config, stateDir, kit, boot, Clock.systemUTC());
        TvSlate slate = new TvSlate(host::media, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<Optional<LocalAdmin>> admin = new AtomicReference<>(Optional.empty());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            systemd.stopping();
            admin.get().ifPresent(Main::closeQuietly);
            for (AutoCloseable c : new AutoCloseable[] {slate, host, kit, systemd}) closeQuietly(c);
            stopped.countDown();
        }, "shutdown"));
        host.onUp(a -> a.addListener(s -> systemd.status(describe(s))));
        host.start();
        host.onUp(a -> {
            a.addListener(slate::appliance);
            slate.appliance(a.snapshot());
        });
        slate.refresh();
        if (boot.admin().enabled() || !config.provisioned()) {
            LocalAdmin page = new LocalAdmin(boot.admin(), recent, configFile, factoryConfig, stateDir, host, slate);
            admin.set(Optional.of(page));
            startAdmin(page);
        } else {
            log.info("Admin page disabled (admin.enabled false)");
        }
        if (devConsole) startConsole(host);
        systemd.ready(host.appliance().map(a -> describe(a.snapshot())).orElse("not provisioned: open the local admin page"));
        systemd.startWatchdog(host::responsive);
        log.info("diemcau appliance {} ready in {} ms (config {}, state {})",
                config.running().map(c -> c.boxId()).orElse("(not provisioned)"), (System.nanoTime() - t0) / 1_000_000, configFile, stateDir);
        // One full collection once started: start-up garbage promoted into the old generation leaves it
        // about twice the live heap, and the serial collector gives memory back only after a full
        // collection (the launcher's -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps): ~6 MB less RSS
        // for the rest of the process's life (docs/benchmarks.md, "Session 3").
        System.gc();
        stopped.await();
        return 0;
    }

    /** The configured hardware; if it cannot be opened, the virtual profile, so the page and the fleet agent still run. */
    private static HardwareKit openHardware(BootSettings boot) {
        try {
            return Hardware.open(boot.hardware());
        } catch (RuntimeException e) {
            log.error("Cannot open the hardware ({}); running with a virtual button and LEDs", e.getMessage());
            return Hardware.open(boot.hardware().withProfile(HardwareSettings.Profile.VIRTUAL));
        }
    }

    private static String describe(ApplianceSnapshot s) {
        return (s.fleet().connected() ? "hub online" : "hub unreachable") + ", call " + s.call().status().getClass().getSimpleName()
                + s.call().status().session().map(r -> " room " + r.room()).orElse("") + ", " + s.fleet().pendingEvents() + " events queued";
    }

    /** The room keeps working without its admin page (e.g. port taken): log and go on. */
    private static void startAdmin(LocalAdmin admin) {
        try {
            admin.start();
        } catch (RuntimeException e) {
            log.error("Admin page not available: {}", e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed", c.getClass().getSimpleName(), e);
        }
    }

    /** devMode: stdin lines act as the join button (for demos and the child-JVM integration tests). */
    private static void startConsole(ApplianceHost host) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Optional<Appliance> appliance = host.appliance();
                    if (appliance.isEmpty() && !line.isBlank()) {
                        log.warn("dev console: '{}' ignored, the box is not provisioned", line.strip());
                        continue;
                    }
                    switch (line.strip()) {
                        case "short" -> appliance.get().press(Button.Press.SHORT);
                        case "long" -> appliance.get().press(Button.Press.LONG);
                        case "identify" -> appliance.get().identify(Duration.ofSeconds(10));
                        case "mute" -> appliance.get().pressMute(Button.Press.SHORT);
                        case "" -> { }
                        default -> log.warn("dev console: unknown input '{}' (short, long, mute, identify)", line.strip());
                    }
                }
            } catch (java.io.IOException e) {
                log.warn("dev console closed: {}", e.getMessage());
            }
        }, "dev-console");
        t.setDaemon(true);
        t.start();
    }
}
