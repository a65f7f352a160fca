package vn.diemcau.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.api.ApiRoutes;
import vn.diemcau.hub.api.ApiServer;
import vn.diemcau.hub.api.ApiServices;
import vn.diemcau.hub.audit.AuditLog;
import vn.diemcau.hub.broker.EmbeddedBroker;
import vn.diemcau.hub.broker.EmbeddedBrokerSettings;
import vn.diemcau.hub.broker.MosquittoExport;
import vn.diemcau.hub.commands.CommandCenter;
import vn.diemcau.hub.commands.DesiredStates;
import vn.diemcau.hub.config.HubConfig;
import vn.diemcau.hub.events.FleetEvent;
import vn.diemcau.hub.events.FleetEvents;
import vn.diemcau.hub.health.AlertBook;
import vn.diemcau.hub.health.HealthMonitor;
import vn.diemcau.hub.health.TelemetryStore;
import vn.diemcau.hub.ingest.BoxEventLog;
import vn.diemcau.hub.ingest.Dispatcher;
import vn.diemcau.hub.ingest.BoxLogs;
import vn.diemcau.hub.ingest.Snapshots;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.hub.mqtt.HubLink;
import vn.diemcau.hub.mqtt.LinkSettings;
import vn.diemcau.hub.mqtt.PahoHubLink;
import vn.diemcau.hub.presence.PresenceTracker;
import vn.diemcau.hub.registry.BoxRegistry;
import vn.diemcau.hub.security.PasswordHash;
import vn.diemcau.hub.security.Secrets;
import vn.diemcau.hub.storage.Database;
import vn.diemcau.hub.users.UserDirectory;
import vn.diemcau.protocol.Topics;

/**
 * The assembled hub: storage, registry, broker (embedded or external), MQTT link, ingest,
 * presence, health, commands, REST API. {@link #start} builds and starts everything in order;
 * {@link #close} stops it in reverse. Used by {@link Main} and by integration tests.
 */
public final class Hub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final ApiServices services;
  private final ApiServer api;
  private final Optional<String> initialAdminPassword;

  /** Builds the pages served after the REST API (the dashboard), given the hub's components. */
  @FunctionalInterface
  public interface WebModule {
    List<Handler> handlers(ApiServices services) throws Exception;

    /** No pages. */
    static WebModule none() {
      return services -> List.of();
    }
  }

  private Hub(HubConfig config, Clock clock, WebModule web) throws Exception {
    try {
      String[] hubPassword = new String[1];
      this.services = build(config, clock, hubPassword);
      this.initialAdminPassword = services.users().ensureInitialAdmin();
      this.api = new ApiServer(config.http().host(), config.http().port(), ApiRoutes.routes(services), services.users(),
          web.handlers(services));
      api.start();
      started.push(api);
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  private ApiServices build(HubConfig config, Clock clock, String[] hubPasswordOut) throws Exception {
    long t0 = System.nanoTime();
    String hubMqttPassword;
    Files.createDirectories(config.stateDir());
    Database db = Database.open(config.db().url()
        .<Database.Location>map(u -> new Database.Location.Postgres(u, config.db().user(), config.db().password()))
        .orElseGet(() -> new Database.Location.SqliteFile(config.stateDir().resolve("hub.db"))));
    started.push(db);
    var jdbc = db.jdbc();
    HubMetrics metrics = new HubMetrics();
    BoxRegistry registry = new BoxRegistry(jdbc, clock);
    UserDirectory users = new UserDirectory(jdbc, clock, config.tokenLifetime());
    AuditLog audit = new AuditLog(jdbc, clock);
    PresenceTracker presence = new PresenceTracker(jdbc, clock);
    AlertBook alerts = new AlertBook(jdbc, clock);
    TelemetryStore telemetry = new TelemetryStore(jdbc, clock, config.retention().raw(), config.retention().hourly());
    // Runs just before the database closes, after the ingest lanes have drained.
    started.push(() -> {
      telemetry.flush();
      presence.flushLastSeen();
    });
    FleetEvents fleet = new FleetEvents();
    LinkHolder link = new LinkHolder();
    CommandCenter commands = new CommandCenter(jdbc, clock, m -> link.get().publish(m), audit, metrics);
    DesiredStates desired = new DesiredStates(jdbc, clock, m -> link.get().publish(m), audit);
    HealthMonitor health = new HealthMonitor(alerts, config.thresholds());
    BoxEventLog events = new BoxEventLog(jdbc);
    Snapshots snapshots = new Snapshots();
    BoxLogs boxLogs = new BoxLogs();

    // Wiring: presence → alerts; everything → live events.
    presence.addListener(health::onPresence);
    presence.addListener((prev, cur) -> fleet.publish(new FleetEvent.PresenceChanged(cur.boxId(),
        registry.commune(cur.boxId()).orElse(""), clock.instant(), cur.state().name())));
    alerts.addListener(a -> {
      if (a.open()) {
        metrics.increment("diemcau_alerts_opened_total", a.kind().name());
      }
      fleet.publish(new FleetEvent.AlertChanged(a.boxId(), registry.commune(a.boxId()).orElse(""), clock.instant(),
          a.id(), a.kind().name(), a.open(), a.detail()));
    });
    commands.addListener(c -> fleet.publish(new FleetEvent.CommandChanged(c.boxId(),
        registry.commune(c.boxId()).orElse(""), clock.instant(), c.id(), c.type(), c.state().name(), c.reason())));
    metrics.gauge("diemcau_boxes_registered", "Registered boxes", () -> registry.ids().size());
    metrics.gauge("diemcau_boxes_online", "Boxes online", presence::online);
    metrics.gauge("diemcau_alerts_open", "Open alerts", alerts::openCount);
    metrics.gauge("diemcau_commands_open", "Commands awaiting a final reply", commands::openCount);
    metrics.gauge("diemcau_sse_subscribers", "Live event streams", fleet::subscribers);
    metrics.gauge("diemcau_db_writes_queued", "Deferred database writes not yet committed (db-writer backlog)",
        jdbc::queuedWrites);

    // Broker.
    LinkSettings linkSettings;
    switch (config.broker()) {
      case HubConfig.Broker.Embedded e -> {
        hubMqttPassword = Secrets.random(24);
        String keystorePassword = e.keystorePassword().orElseGet(() -> stateSecret(config.stateDir(), "broker-keystore.password"));
        EmbeddedBroker broker = new EmbeddedBroker(new EmbeddedBrokerSettings(e.bindAddress(), e.port(), e.tlsPort(),
            e.keystore(), keystorePassword, config.stateDir().resolve("broker")), registry,
            PasswordHash.hash(hubMqttPassword, PasswordHash.BOX_ITERATIONS), metrics);
        broker.start();
        started.push(broker);
        // A fresh embedded broker: every box lost its connection and will announce itself again.
        presence.markAllOffline();
        String host = e.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : e.bindAddress();
        linkSettings = new LinkSettings("tcp://" + host + ":" + e.port(), Topics.HUB_USERNAME, Topics.HUB_USERNAME,
            hubMqttPassword, e.hubKeepAliveSeconds(), Dispatcher.subscriptions(), Optional.empty());
      }
      case HubConfig.Broker.External x -> {
        hubMqttPassword = x.password();
        String hubHash = PasswordHash.hash(x.password(), PasswordHash.BOX_ITERATIONS);
        Path passwords = x.exportDir().resolve("passwords");
        Path acl = x.exportDir().resolve("acl");
        Runnable export = () -> {
          try {
            MosquittoExport.write(registry, hubHash, passwords, acl);
            if (x.reloadCommand().isPresent()) {
              Process p = new ProcessBuilder("/bin/sh", "-c", x.reloadCommand().get()).inheritIO().start();
              if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                LOG.error("broker.reloadCommand failed: {}", x.reloadCommand().get());
              }
            }
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          } catch (IOException ex) {
            LOG.error("Could not export Mosquitto files to {}: {}", x.exportDir(), ex.toString());
          }
        };
        export.run();
        registry.onCredentialsChanged(export);
        linkSettings = new LinkSettings(x.url(), x.username(), x.username(), x.password(), x.hubKeepAliveSeconds(),
            Dispatcher.subscriptions(), Optional.empty());
      }
    }

    Dispatcher dispatcher = new Dispatcher(new Dispatcher.Sinks(registry, presence, telemetry, health, commands, desired,
        events, snapshots, boxLogs, fleet, metrics), clock, config.ingestLanes());
    started.push(dispatcher);
    HubLink hubLink = new PahoHubLink(linkSettings, dispatcher);
    link.set(hubLink);
    hubLink.start();
    started.push(hubLink);

    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1,
        Thread.ofPlatform().name("hub-scheduler").daemon(true).factory());
    started.push(() -> {
      scheduler.shutdown();
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    });
    scheduler.scheduleWithFixedDelay(guard("telemetry flush", telemetry::flush), 1, 1, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(guard("command sweep", commands::sweep), 250, 250, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(guard("last-seen flush", presence::flushLastSeen), 10, 10, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(guard("retention", () -> {
      telemetry.purge();
      users.purgeExpiredTokens();
    }), 1, 60, TimeUnit.MINUTES);

    String hubHashForExport = PasswordHash.hash(hubMqttPassword, PasswordHash.BOX_ITERATIONS);
    ApiServices services = new ApiServices(registry, users, audit, presence, alerts, telemetry, commands, desired, events,
        snapshots, boxLogs, fleet, metrics, config.commands().expiry(), config.commands().timeout(),
        () -> MosquittoExport.passwordFile(registry, hubHashForExport), config.conference());
    hubPasswordOut[0] = hubMqttPassword;
    LOG.info("Hub core started in {} ms", (System.nanoTime() - t0) / 1_000_000);
    return services;
  }

  /** Builds and starts a hub; on failure everything already started is closed again. */
  public static Hub start(HubConfig config, Clock clock, WebModule web) throws Exception {
    return new Hub(config, clock, web);
  }

  /** The {@code admin} password when this start created the account; shown once. */
  public Optional<String> initialAdminPassword() {
    return initialAdminPassword;
  }

  public int httpPort() {
    return api.port();
  }

  public ApiServices services() {
    return services;
  }

  @Override
  public void close() {
    long t0 = System.nanoTime();
    while (!started.isEmpty()) {
      AutoCloseable c = started.pop();
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("Error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
    LOG.info("Hub stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
  }

  private static Runnable guard(String what, Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.error("{} failed", what, e);
      }
    };
  }

  /** A secret kept in the state directory (created on first use, mode 0600). */
  private static String stateSecret(Path stateDir, String name) {
    Path f = stateDir.resolve(name);
    try {
      if (Files.exists(f)) {
        return Files.readString(f).strip();
      }
      String s = Secrets.random(24);
      Files.writeString(f, s);
      Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      return s;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create " + f + ": " + e.getMessage(), e);
    }
  }

  /** Late binding of the link: commands are built before the link that delivers them. */
  private static final class LinkHolder {
    private volatile HubLink link;

    HubLink get() {
      HubLink l = link;
      if (l == null) {
        throw new IllegalStateException("MQTT link not started yet");
      }
      return l;
    }

    void set(HubLink l) {
      link = l;
    }
  }
}
