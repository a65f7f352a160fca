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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.diemcau.appliance.admin.RecentLog;
import vn.diemcau.appliance.call.Conference;
import vn.diemcau.appliance.config.ConfigException;
import vn.diemcau.appliance.config.ConfigStore;
import vn.diemcau.appliance.systemd.SystemdNotifier;
import vn.diemcau.hardware.Button;
import vn.diemcau.hardware.Hardware;
import vn.diemcau.hardware.HardwareKit;

/**
 * The appliance's composition root.
 *
 * <pre>
 * diemcau-appliance --config /etc/diemcau/appliance.json --state-dir /var/lib/diemcau [--dev-console]
 * </pre>
 *
 * Exit codes: 0 after a normal stop, 78 (EX_CONFIG) for an invalid config, 1 for any other start
 * failure. Components start in dependency order and stop in reverse from the shutdown hook.
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

    @Option(names = "--dev-console", description = "devMode only: read 'short', 'long', 'identify' lines from stdin as button presses")
    boolean devConsole;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        RecentLog recent = RecentLog.install();
        SystemdNotifier systemd = SystemdNotifier.fromEnvironment(System.getenv());
        ConfigStore config;
        try {
            config = ConfigStore.open(configFile, System.getenv());
        } catch (ConfigException e) {
            System.err.println("diemcau-appliance: invalid config " + configFile + ": " + e.getMessage());
            return EX_CONFIG;
        }
        if (devConsole && !config.current().devMode()) {
            System.err.println("diemcau-appliance: --dev-console needs devMode true in " + configFile);
            return EX_CONFIG;
        }
        Files.createDirectories(stateDir);
        Conferences.Built built;
        try {
            built = Conferences.create(config.current());
        } catch (ConfigException e) {
            System.err.println("diemcau-appliance: invalid config " + configFile + ": " + e.getMessage());
            return EX_CONFIG;
        }
        Conference conference = built.conference();
        HardwareKit kit;
        try {
            kit = Hardware.open(config.current().hardware());
        } catch (RuntimeException e) {
            conference.close();
            throw e;
        }
        Appliance appliance = new Appliance(config, stateDir, conference, built.media(), kit.joinButton(), kit.lights(), kit.board(), Clock.systemUTC());
        Optional<LocalAdmin> admin = config.current().admin().enabled()
                ? Optional.of(new LocalAdmin(config.current().admin(), recent, configFile, stateDir, appliance, kit, built.media()))
                : Optional.empty();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            systemd.stopping();
            admin.ifPresent(Main::closeQuietly);
            close(appliance, kit, conference, systemd);
            stopped.countDown();
        }, "shutdown"));
        appliance.addListener(s -> systemd.status(describe(s)));
        appliance.start();
        admin.ifPresentOrElse(Main::startAdmin, () -> log.info("Admin page disabled (admin.enabled false)"));
        if (devConsole) startConsole(appliance);
        systemd.ready(describe(appliance.snapshot()));
        systemd.startWatchdog(appliance::responsive);
        log.info("diemcau appliance {} ready in {} ms (config {}, state {})", config.current().boxId(),
                (System.nanoTime() - t0) / 1_000_000, configFile, stateDir);
        stopped.await();
        return 0;
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

    private static void close(Appliance appliance, HardwareKit kit, Conference conference, SystemdNotifier systemd) {
        for (AutoCloseable c : new AutoCloseable[] {appliance, kit, conference, systemd}) {
            closeQuietly(c);
        }
    }

    /** devMode: stdin lines act as the join button (for demos and the child-JVM integration tests). */
    private static void startConsole(Appliance appliance) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    switch (line.strip()) {
                        case "short" -> appliance.press(Button.Press.SHORT);
                        case "long" -> appliance.press(Button.Press.LONG);
                        case "identify" -> appliance.identify(Duration.ofSeconds(10));
                        case "" -> { }
                        default -> log.warn("dev console: unknown input '{}' (short, long, identify)", line.strip());
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
