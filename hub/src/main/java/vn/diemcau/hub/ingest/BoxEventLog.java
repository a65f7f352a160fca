package vn.diemcau.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import vn.diemcau.hub.storage.Jdbc;

/** Box events, stored once per (box, seq): the box sends at-least-once, the hub deduplicates. */
public final class BoxEventLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A stored event. */
  public record StoredEvent(String boxId, long seq, Instant at, String type, JsonNode event) {}

  private final Jdbc jdbc;

  public BoxEventLog(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** True when the event is new; false for a duplicate. */
  boolean record(String boxId, long seq, Instant at, String type, byte[] json) {
    return jdbc.update("INSERT INTO box_events (box_id, seq, at, type, payload) VALUES (?,?,?,?,?) "
        + "ON CONFLICT (box_id, seq) DO NOTHING", boxId, seq, at, type, new String(json, StandardCharsets.UTF_8)) == 1;
  }

  public List<StoredEvent> list(String boxId, int limit) {
    return jdbc.query("SELECT box_id, seq, at, type, payload FROM box_events WHERE box_id = ? ORDER BY seq DESC LIMIT ?",
        rs -> new StoredEvent(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
            parse(rs.getString(5))), boxId, limit);
  }

  private static JsonNode parse(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new IllegalStateException("stored event is not JSON", e);
    }
  }
}
