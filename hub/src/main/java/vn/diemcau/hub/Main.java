package vn.diemcau.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.diemcau.hub.config.ConfigLoader;
import vn.diemcau.hub.config.HubConfig;
import vn.diemcau.hub.session.SessionPage;

/**
 * The hub program: reads the config file (default {@code /etc/diemcau/hub.properties} when it
 * exists) with {@code DIEMCAU_HUB_*} environment overrides, starts the {@link Hub}, closes it
 * from a shutdown hook. On first start it prints the one-time {@code admin} password.
 */
@Command(name = "diemcau-hub", mixinStandardHelpOptions = true,
    description = "The diemcau provincial hub: MQTT broker, fleet registry, health, commands, REST API.")
public final class Main implements Callable<Integer> {
  static {
    // HiveMQ's jar ships its own logback.xml; ours has a name of its own (override with -Dlogback.configurationFile).
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "diemcau-hub-logback.xml");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final Path DEFAULT_CONFIG = Path.of("/etc/diemcau/hub.properties");

  @Option(names = {"-c", "--config"}, description = "Properties file (default: ${DEFAULT-VALUE} when present).")
  private Path config;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Optional<Path> file = Optional.ofNullable(config).or(() -> Optional.of(DEFAULT_CONFIG).filter(Files::exists));
    HubConfig cfg;
    try {
      cfg = ConfigLoader.load(file, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("diemcau-hub: configuration error: " + e.getMessage());
      return 2;
    }
    LOG.info("Starting hub (config {}, state {}, broker {}, db {})", file.map(Path::toString).orElse("defaults"),
        cfg.stateDir(), cfg.broker(), cfg.db());
    Hub hub = Hub.start(cfg, Clock.systemUTC(), s -> List.of(new SessionPage(cfg.conference(), s.users()::resolve),
        new vn.diemcau.hub.web.Dashboard(s.users(), vn.diemcau.hub.web.Dashboard.hubAddress(cfg, System.getenv()),
            cfg.conference().view())));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
      hub.close();
      stopped.countDown();
    }));
    hub.initialAdminPassword().ifPresent(pw -> {
      // Printed once, to the console only (never to the log).
      System.out.println("==> Initial administrator account created: username 'admin', password '" + pw + "'");
      System.out.println("==> Change it after logging in: PUT /api/me/password");
    });
    stopped.await();
    return 0;
  }
}
