package vn.diemcau.hub.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import vn.diemcau.hub.health.Thresholds;
import vn.diemcau.protocol.ConferenceView;

/**
 * The hub's configuration, parsed once by {@link ConfigLoader}. Every key is listed in
 * {@code hub/README.md}.
 */
public record HubConfig(Path stateDir, Http http, Db db, Broker broker, Thresholds thresholds, Retention retention,
    Commands commands, Duration tokenLifetime, int ingestLanes, Conference conference) {

  public HubConfig {
    Objects.requireNonNull(stateDir, "state.dir");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(conference, "conference");
    if (ingestLanes < 1 || ingestLanes > 64) {
      throw new IllegalArgumentException("ingest.lanes must be 1-64 but was " + ingestLanes);
    }
  }

  /** {@code http.host}, {@code http.port} (0: any free port). */
  public record Http(String host, int port) {
    public Http {
      ConfigLoader.requirePort("http.port", port, true);
    }
  }

  /** {@code db.url} (empty: SQLite file {@code <state.dir>/hub.db}), {@code db.user}, {@code db.password}. */
  public record Db(Optional<String> url, String user, String password) {
    @Override
    public String toString() {
      return "Db[" + url.orElse("sqlite") + ", user=" + user + "]";
    }
  }

  /** Embedded or external broker, and the hub link's keep-alive. */
  public sealed interface Broker {
    int hubKeepAliveSeconds();

    /** {@code broker.mode=embedded}: listeners and TLS keystore (generated self-signed when missing). */
    record Embedded(String bindAddress, int port, int tlsPort, Path keystore, Optional<String> keystorePassword,
        int hubKeepAliveSeconds) implements Broker {
      public Embedded {
        ConfigLoader.requirePort("broker.port", port, false);
        ConfigLoader.requirePort("broker.tls.port", tlsPort, true);
      }

      @Override
      public String toString() {
        return "Embedded[" + bindAddress + ":" + port + ", tls " + tlsPort + "]";
      }
    }

    /**
     * {@code broker.mode=external}: URL and hub credentials; Mosquitto files exported to
     * {@code broker.exportDir}, then {@code broker.reloadCommand} (e.g. {@code systemctl reload
     * mosquitto}) is run through {@code /bin/sh -c}.
     */
    record External(String url, String username, String password, Path exportDir, Optional<String> reloadCommand,
        int hubKeepAliveSeconds) implements Broker {
      public External {
        if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
          throw new IllegalArgumentException("broker.url must start with tcp:// or ssl:// but was " + url);
        }
        if (password.isEmpty()) {
          throw new IllegalArgumentException("broker.password is required when broker.mode=external");
        }
      }

      @Override
      public String toString() {
        return "External[" + url + " as " + username + "]";
      }
    }
  }

  /** {@code retention.rawDays}, {@code retention.hourlyDays}. */
  public record Retention(Duration raw, Duration hourly) {}

  /** {@code commands.expirySeconds}, {@code commands.timeoutSeconds}: defaults for commands. */
  public record Commands(Duration expiry, Duration timeout) {
    public Commands {
      if (timeout.compareTo(expiry) < 0) {
        throw new IllegalArgumentException("commands.timeoutSeconds must be ≥ commands.expirySeconds");
      }
    }
  }

  /**
   * The reception session's conference: {@code conference.url} (Janus HTTP API address as the
   * boxes reach it, e.g. {@code http://10.0.0.5:8088/janus}; empty: not configured),
   * {@code conference.room} (VideoRoom id), {@code conference.pin}, {@code conference.centreName}
   * (the centre's display name in the room; starts with "Trung tâm" so boxes play it),
   * {@code conference.view} (which feeds the boxes play: the centre only or all rooms) and
   * {@code conference.centre} (the centre's display-name prefix sent to boxes; empty: each box's
   * own setting). A "join" sent from the hub without these fields gets them from here, and each
   * box's display name.
   */
  public record Conference(Optional<java.net.URI> url, String room, String pin, String centreName, ConferenceView view,
      Optional<String> centre) {
    public Conference {
      Objects.requireNonNull(url, "conference.url");
      url.ifPresent(u -> {
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
          throw new IllegalArgumentException("conference.url must be an http(s) URL but was " + u);
        }
      });
      if (room == null || !room.matches("[0-9]{1,18}")) {
        throw new IllegalArgumentException("conference.room must be a numeric VideoRoom id but was '" + room + "'");
      }
      Objects.requireNonNull(pin, "conference.pin");
      if (centreName == null || centreName.isBlank()) {
        throw new IllegalArgumentException("conference.centreName must not be blank");
      }
      Objects.requireNonNull(view, "conference.view");
      Objects.requireNonNull(centre, "conference.centre");
      centre.ifPresent(c -> {
        if (c.isBlank() || c.length() > 100) {
          throw new IllegalArgumentException("conference.centre must be 1-100 characters but was '" + c + "'");
        }
      });
    }

    /** Without a view or centre of its own: the centre only, each box's centre prefix. */
    public Conference(Optional<java.net.URI> url, String room, String pin, String centreName) {
      this(url, room, pin, centreName, ConferenceView.CENTRE, Optional.empty());
    }

    @Override
    public String toString() {
      return "Conference[" + url.map(java.net.URI::toString).orElse("not configured") + ", room " + room
          + (pin.isEmpty() ? "" : ", pin ***") + ", view " + view + centre.map(c -> ", centre '" + c + "'").orElse("") + "]";
    }
  }
}
