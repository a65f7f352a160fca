package vn.diemcau.hub.broker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.metrics.HubMetrics;
import vn.diemcau.hub.registry.BoxRegistry;

/**
 * The embedded HiveMQ CE broker with the diemcau extension ({@link BoxAuthenticator},
 * {@link DenialWatcher}); never HiveMQ's allow-all extension. Writes an explicit
 * {@code config.xml} (a missing one silently means 0.0.0.0:1883), denies unauthenticated
 * connections, disables usage statistics. Start once; a stopped instance cannot restart.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  /**
   * Per-client queue of QoS 1/2 messages (HiveMQ CE counts in-flight ones too; its default is
   * 1,000 and the overflow is silently discarded). The hub's own client receives every box's
   * retained birth status and reported state in a connect burst (2 per box) plus replies and
   * events: with 1,000 the hub lost ~30% of them at 1,000 boxes and never saw those boxes online.
   * Boxes' queues only hold their own commands and desired state, so the limit costs nothing
   * there; memory is used only by messages actually queued (~1 KB each).
   */
  static final long MAX_QUEUED_MESSAGES = 500_000;

  /**
   * QoS 1 publishes a client may have unacknowledged towards the broker (HiveMQ's default is 10).
   * The hub's own client sends every command through it: with 10, a command to a group of boxes
   * or a burst of API calls filled the window and the publishers backed off and retried.
   */
  static final int SERVER_RECEIVE_MAXIMUM = 1_000;

  /** HiveMQ's counter of discarded messages (queue full, message too large, ...). */
  private static final String DROPPED_METRIC = "com.hivemq.messages.dropped.count";

  private final EmbeddedBrokerSettings settings;
  private final BoxRegistry registry;
  private final String hubPasswordHash;
  private final HubMetrics metrics;
  private EmbeddedHiveMQ hivemq;

  /** {@code hubPasswordHash}: the {@code $7$} hash of the hub client's password. */
  public EmbeddedBroker(EmbeddedBrokerSettings settings, BoxRegistry registry, String hubPasswordHash,
      HubMetrics metrics) {
    this.settings = settings;
    this.registry = registry;
    this.hubPasswordHash = hubPasswordHash;
    this.metrics = metrics;
  }

  public synchronized void start() throws Exception {
    if (hivemq != null) {
      return;
    }
    long t0 = System.nanoTime();
    Path conf = settings.workDir().resolve("conf");
    Path data = settings.workDir().resolve("data");
    Path extensions = settings.workDir().resolve("extensions");
    Files.createDirectories(conf);
    Files.createDirectories(data);
    Files.createDirectories(extensions);
    if (settings.tlsPort() > 0) {
      SelfSignedKeystore.ensure(settings.keystore(), settings.keystorePassword(), "diemcau-hub");
    }
    writeAtomically(conf.resolve("config.xml"), configXml());
    BoxAuthenticator authenticator = new BoxAuthenticator(registry, hubPasswordHash, metrics);
    DenialWatcher watcher = new DenialWatcher(metrics);
    ExtensionMain main = new ExtensionMain() {
      @Override
      public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
        Services.securityRegistry().setAuthenticatorProvider(i -> authenticator);
        Services.eventRegistry().setClientLifecycleEventListener(i -> watcher);
        Services.initializerRegistry().setClientInitializer((i, ctx) -> ctx.addSubscribeInboundInterceptor(watcher));
      }

      @Override
      public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {}
    };
    EmbeddedExtension ext = EmbeddedExtension.builder().withId("diemcau-auth").withName("diemcau authentication")
        .withVersion("1").withAuthor("diemcau").withPriority(1000).withStartPriority(1000).withExtensionMain(main).build();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    EmbeddedHiveMQ h = EmbeddedHiveMQ.builder().withConfigurationFolder(conf).withDataFolder(data)
        .withExtensionsFolder(extensions).withEmbeddedExtension(ext).withoutLoggingBootstrap().build();
    // build() switches authentication to allow-all; this must come after build() and before start().
    InternalConfigurations.AUTH_DENY_UNAUTHENTICATED_CONNECTIONS.set(true);
    try {
      h.start().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      try {
        h.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      // HiveMQ replaces the JVM's default handler; the hub keeps its own.
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    registry.onAccessRevoked(this::disconnect);
    hivemq = h;
    // Messages HiveMQ discarded (e.g. a subscriber's queue full): must stay 0; a rise means lost QoS 1 messages.
    metrics.gauge("diemcau_broker_messages_dropped", "Messages the embedded broker dropped",
        () -> droppedMessages(h));
    LOG.info("Embedded broker (HiveMQ CE) listening on {}:{}{} in {} ms", settings.bindAddress(), settings.tcpPort(),
        settings.tlsPort() > 0 ? " and TLS " + settings.tlsPort() : "", (System.nanoTime() - t0) / 1_000_000);
  }

  private static long droppedMessages(EmbeddedHiveMQ h) {
    var c = h.getMetricRegistry().getCounters().get(DROPPED_METRIC);
    return c == null ? 0 : c.getCount();
  }

  /** Drops a box's connection (credentials rotated, box disabled or deleted). */
  public void disconnect(String clientId) {
    if (hivemq == null) {
      return;
    }
    Services.clientService().disconnectClient(clientId).whenComplete((done, err) -> {
      if (Boolean.TRUE.equals(done)) {
        LOG.info("Disconnected {} after its access was revoked", clientId);
      }
    });
  }

  private String configXml() {
    String tls = settings.tlsPort() == 0 ? "" : """
            <tls-tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
              <tls>
                <keystore>
                  <path>%s</path>
                  <password>%s</password>
                  <private-key-password>%s</private-key-password>
                </keystore>
                <client-authentication-mode>NONE</client-authentication-mode>
              </tls>
            </tls-tcp-listener>
        """.formatted(settings.tlsPort(), xml(settings.bindAddress()), xml(settings.keystore().toAbsolutePath().toString()),
        xml(settings.keystorePassword()), xml(settings.keystorePassword()));
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
            </tcp-listener>
        %s  </listeners>
          <mqtt>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
              <strategy>discard</strategy>
            </queued-messages>
            <receive-maximum>
              <server-receive-maximum>%d</server-receive-maximum>
            </receive-maximum>
          </mqtt>
          <persistence>
            <mode>in-memory</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """.formatted(settings.tcpPort(), xml(settings.bindAddress()), tls, MAX_QUEUED_MESSAGES,
        SERVER_RECEIVE_MAXIMUM);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public synchronized void close() throws Exception {
    if (hivemq == null) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      hivemq.stop().get(30, TimeUnit.SECONDS);
    } finally {
      hivemq.close();
      hivemq = null;
    }
    LOG.info("Embedded broker stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
  }
}
