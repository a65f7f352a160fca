package vn.diemcau.hub.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import vn.diemcau.hub.health.Thresholds;

/**
 * Reads a Java properties file and lets the environment override any key:
 * {@code http.port} ← {@code DIEMCAU_HUB_HTTP_PORT} (upper case, dots and dashes become
 * underscores). Fails fast with a message naming the bad key.
 */
public final class ConfigLoader {
  public static final String ENV_PREFIX = "DIEMCAU_HUB_";

  private final Properties file;
  private final Map<String, String> env;

  private ConfigLoader(Properties file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  /** Loads {@code configFile} (may be absent) with overrides from {@code env}. */
  public static HubConfig load(Optional<Path> configFile, Map<String, String> env) {
    Properties p = new Properties();
    if (configFile.isPresent()) {
      Path f = configFile.get();
      if (!Files.exists(f)) {
        throw new IllegalArgumentException("config file " + f + " does not exist");
      }
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read config file " + f + ": " + e.getMessage(), e);
      }
    }
    return new ConfigLoader(p, env).parse();
  }

  private HubConfig parse() {
    Path state = Path.of(str("state.dir", "/var/lib/diemcau/hub"));
    var http = new HubConfig.Http(str("http.host", "0.0.0.0"), integer("http.port", 8080));
    String dbUrl = str("db.url", "");
    var db = new HubConfig.Db(dbUrl.isEmpty() ? Optional.empty() : Optional.of(dbUrl), str("db.user", ""),
        str("db.password", ""));
    int keepAlive = integer("mqtt.keepAliveSeconds", 30);
    String mode = str("broker.mode", "embedded");
    HubConfig.Broker broker = switch (mode) {
      case "embedded" -> new HubConfig.Broker.Embedded(str("broker.host", "0.0.0.0"), integer("broker.port", 1883),
          integer("broker.tls.port", 8883), Path.of(str("broker.tls.keystore", state.resolve("broker-keystore.p12")
              .toString())), Optional.of(str("broker.tls.password", "")).filter(s -> !s.isEmpty()), keepAlive);
      case "external" -> new HubConfig.Broker.External(str("broker.url", "tcp://127.0.0.1:1883"),
          str("broker.username", "_hub"), str("broker.password", ""),
          Path.of(str("broker.exportDir", state.resolve("mosquitto").toString())),
          Optional.of(str("broker.reloadCommand", "")).filter(v -> !v.isEmpty()), keepAlive);
      default -> throw new IllegalArgumentException("broker.mode must be embedded or external but was " + mode);
    };
    var thresholds = new Thresholds(dbl("health.maxCpuTemperatureC", 80), dbl("health.temperatureHysteresisC", 5),
        dbl("health.maxPacketLossPercent", 5));
    var retention = new HubConfig.Retention(Duration.ofDays(integer("retention.rawDays", 7)),
        Duration.ofDays(integer("retention.hourlyDays", 400)));
    var commands = new HubConfig.Commands(Duration.ofSeconds(integer("commands.expirySeconds", 60)),
        Duration.ofSeconds(integer("commands.timeoutSeconds", 120)));
    String confUrl = str("conference.url", "");
    java.util.Optional<java.net.URI> confUri;
    try {
      confUri = confUrl.isEmpty() ? Optional.empty() : Optional.of(java.net.URI.create(confUrl));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("conference.url (or " + envName("conference.url") + ") is not a URL: " + confUrl);
    }
    String view = str("conference.view", "centre");
    vn.diemcau.protocol.ConferenceView confView;
    try {
      confView = vn.diemcau.protocol.ConferenceView.of(view);
    } catch (vn.diemcau.protocol.ProtocolException e) {
      throw new IllegalArgumentException("conference.view (or " + envName("conference.view")
          + ") must be centre (the centre only) or all (all rooms) but was '" + view + "'");
    }
    var conference = new HubConfig.Conference(confUri, str("conference.room", "1234"), str("conference.pin", ""),
        str("conference.centreName", "Trung tâm tiếp dân tỉnh"), confView,
        Optional.of(str("conference.centre", "")).filter(c -> !c.isEmpty()));
    return new HubConfig(state, http, db, broker, thresholds, retention, commands,
        Duration.ofHours(integer("auth.tokenHours", 12)), integer("ingest.lanes", 4), conference);
  }

  static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private String str(String key, String fallback) {
    String v = env.get(envName(key));
    if (v == null) {
      v = file.getProperty(key);
    }
    return v == null ? fallback : v.strip();
  }

  private int integer(String key, int fallback) {
    String v = str(key, Integer.toString(fallback));
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " (or " + envName(key) + ") must be an integer but was '" + v + "'");
    }
  }

  private double dbl(String key, double fallback) {
    String v = str(key, Double.toString(fallback));
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " (or " + envName(key) + ") must be a number but was '" + v + "'");
    }
  }

  static void requirePort(String key, int port, boolean zeroAllowed) {
    if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
      throw new IllegalArgumentException(key + " must be " + (zeroAllowed ? "0" : "1") + "-65535 but was " + port);
    }
  }
}
