package vn.diemcau.hub.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.storage.Jdbc;
import vn.diemcau.hub.storage.SqlNull;
import vn.diemcau.protocol.Telemetry;

/**
 * Telemetry: the latest message per box (in memory and in the database), raw samples kept for
 * {@code rawRetention}, hourly aggregates kept for {@code hourlyRetention}. Writes are queued and
 * flushed in batches ({@link #flush()}, called every second by the hub).
 */
public final class TelemetryStore {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryStore.class);
  private static final ObjectMapper READER = new ObjectMapper();
  private static final double NO_VALUE = -1e9;

  /**
   * The newest telemetry of a box: when the hub received it and the message as received. The
   * text is kept, not a parsed tree: a tree per box cost ~3 KB of heap and a parse per message,
   * and only API reads need one.
   */
  public record Latest(String boxId, Instant receivedAt, @JsonIgnore String json) {
    @JsonProperty
    public JsonNode telemetry() {
      return parse(json);
    }
  }

  private record Pending(String boxId, Instant receivedAt, Telemetry t, String json) {}

  private final Jdbc jdbc;
  private final Clock clock;
  private final Duration rawRetention;
  private final Duration hourlyRetention;
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

  public TelemetryStore(Jdbc jdbc, Clock clock, Duration rawRetention, Duration hourlyRetention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.rawRetention = rawRetention;
    this.hourlyRetention = hourlyRetention;
    jdbc.query("SELECT box_id, at, payload FROM telemetry_latest", rs -> {
      latest.put(rs.getString(1), new Latest(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
      return null;
    });
  }

  /** Queues a sample; {@code json} is the message as received (already validated). */
  public void record(String boxId, Telemetry t, byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8);
    Instant now = clock.instant();
    latest.put(boxId, new Latest(boxId, now, text));
    pending.add(new Pending(boxId, now, t, text));
  }

  public Optional<Latest> latest(String boxId) {
    return Optional.ofNullable(latest.get(boxId));
  }

  public void forget(String boxId) {
    latest.remove(boxId);
  }

  /** Writes queued samples in one transaction. */
  public void flush() {
    List<Pending> batch = new ArrayList<>();
    for (Pending p; (p = pending.poll()) != null && batch.size() < 20_000;) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    List<Object[]> latestRows = new ArrayList<>();
    List<Object[]> rawRows = new ArrayList<>();
    List<Object[]> hourlyRows = new ArrayList<>();
    for (Pending p : batch) {
      var sys = p.t().system();
      Optional<Double> temp = sys.cpuTemperatureC();
      Optional<Double> loss = p.t().media().map(m -> m.packetLossPercent());
      Optional<Double> bitrate = p.t().media().map(m -> m.bitrateKbps());
      Instant at = p.receivedAt();
      latestRows.add(new Object[] {p.boxId(), at, p.json()});
      rawRows.add(new Object[] {p.boxId(), at, sys.cpuPercent(), opt(temp), sys.memAvailableBytes(),
          sys.diskFreeBytes(), opt(loss), opt(bitrate)});
      hourlyRows.add(new Object[] {p.boxId(), at.truncatedTo(ChronoUnit.HOURS), sys.cpuPercent(), sys.cpuPercent(),
          temp.isPresent() ? 1L : 0L, temp.orElse(0.0), temp.orElse(NO_VALUE), loss.isPresent() ? 1L : 0L,
          loss.orElse(0.0), loss.orElse(NO_VALUE)});
    }
    jdbc.inTransaction(() -> {
      jdbc.batch("INSERT INTO telemetry_latest (box_id, at, payload) VALUES (?,?,?) ON CONFLICT (box_id) DO UPDATE "
          + "SET at = excluded.at, payload = excluded.payload", latestRows);
      jdbc.batch("INSERT INTO telemetry_raw (box_id, at, cpu_percent, cpu_temp_c, mem_available, disk_free, "
          + "packet_loss, bitrate_kbps) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (box_id, at) DO NOTHING", rawRows);
      jdbc.batch("INSERT INTO telemetry_hourly (box_id, hour, samples, cpu_percent_sum, cpu_percent_max, "
          + "cpu_temp_samples, cpu_temp_sum, cpu_temp_max, loss_samples, loss_sum, loss_max) "
          + "VALUES (?,?,1,?,?,?,?,?,?,?,?) ON CONFLICT (box_id, hour) DO UPDATE SET "
          + "samples = telemetry_hourly.samples + 1, "
          + "cpu_percent_sum = telemetry_hourly.cpu_percent_sum + excluded.cpu_percent_sum, "
          + "cpu_percent_max = " + max("cpu_percent_max") + ", "
          + "cpu_temp_samples = telemetry_hourly.cpu_temp_samples + excluded.cpu_temp_samples, "
          + "cpu_temp_sum = telemetry_hourly.cpu_temp_sum + excluded.cpu_temp_sum, "
          + "cpu_temp_max = " + max("cpu_temp_max") + ", "
          + "loss_samples = telemetry_hourly.loss_samples + excluded.loss_samples, "
          + "loss_sum = telemetry_hourly.loss_sum + excluded.loss_sum, "
          + "loss_max = " + max("loss_max"), hourlyRows);
      return null;
    });
  }

  /** Deletes raw samples and hourly aggregates past their retention. */
  public int purge() {
    Instant now = clock.instant();
    int raw = jdbc.update("DELETE FROM telemetry_raw WHERE at < ?", now.minus(rawRetention));
    int hourly = jdbc.update("DELETE FROM telemetry_hourly WHERE hour < ?", now.minus(hourlyRetention));
    if (raw + hourly > 0) {
      LOG.info("Telemetry retention: deleted {} raw samples and {} hourly aggregates", raw, hourly);
    }
    return raw + hourly;
  }

  public List<TelemetrySample> raw(String boxId, Instant from, Instant to, int limit) {
    return jdbc.query("SELECT at, cpu_percent, cpu_temp_c, mem_available, disk_free, packet_loss, bitrate_kbps "
        + "FROM telemetry_raw WHERE box_id = ? AND at >= ? AND at < ? ORDER BY at LIMIT ?",
        rs -> new TelemetrySample(Instant.ofEpochMilli(rs.getLong("at")), rs.getDouble("cpu_percent"),
            Jdbc.optDouble(rs, "cpu_temp_c"), rs.getLong("mem_available"), rs.getLong("disk_free"),
            Jdbc.optDouble(rs, "packet_loss"), Jdbc.optDouble(rs, "bitrate_kbps")), boxId, from, to, limit);
  }

  public List<HourlySample> hourly(String boxId, Instant from, Instant to) {
    return jdbc.query("SELECT * FROM telemetry_hourly WHERE box_id = ? AND hour >= ? AND hour < ? ORDER BY hour",
        rs -> {
          long n = rs.getLong("samples");
          long tn = rs.getLong("cpu_temp_samples");
          long ln = rs.getLong("loss_samples");
          return new HourlySample(Instant.ofEpochMilli(rs.getLong("hour")), n, rs.getDouble("cpu_percent_sum") / n,
              rs.getDouble("cpu_percent_max"),
              tn == 0 ? Optional.empty() : Optional.of(rs.getDouble("cpu_temp_sum") / tn),
              tn == 0 ? Optional.empty() : Optional.of(rs.getDouble("cpu_temp_max")),
              ln == 0 ? Optional.empty() : Optional.of(rs.getDouble("loss_sum") / ln),
              ln == 0 ? Optional.empty() : Optional.of(rs.getDouble("loss_max")));
        }, boxId, from, to);
  }

  private static String max(String col) {
    return "CASE WHEN excluded." + col + " > telemetry_hourly." + col + " THEN excluded." + col
        + " ELSE telemetry_hourly." + col + " END";
  }

  private static Object opt(Optional<Double> v) {
    return v.<Object>map(d -> d).orElse(SqlNull.DOUBLE);
  }

  private static JsonNode parse(String json) {
    try {
      return READER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("stored telemetry is not JSON", e);
    }
  }
}
