package vn.diemcau.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Asks Janus (HTTP API) who is in a VideoRoom: {@code listparticipants}. */
final class JanusProbe implements AutoCloseable {
  record Participant(long id, String display, boolean publisher) {}

  private final Http http;
  private final long room;
  private long session;
  private long handle;

  JanusProbe(String janusUrl, long room) {
    this.http = new Http(janusUrl);
    this.room = room;
  }

  /** One short Janus session per call, destroyed before the next. */
  List<Participant> participants() {
    close();
    {
      session = http.post("", Map.of("janus", "create", "transaction", tx())).path("data").path("id").asLong();
      handle = http.post("/" + session, Map.of("janus", "attach", "plugin", "janus.plugin.videoroom",
          "transaction", tx())).path("data").path("id").asLong();
    }
    JsonNode r = http.post("/" + session + "/" + handle, Map.of("janus", "message", "transaction", tx(),
        "body", Map.of("request", "listparticipants", "room", room)));
    JsonNode data = r.path("plugindata").path("data");
    if (!data.has("participants")) {
      throw new IllegalStateException("listparticipants failed: " + r);
    }
    List<Participant> out = new ArrayList<>();
    data.path("participants").forEach(p -> out.add(new Participant(p.path("id").asLong(), p.path("display").asText(),
        p.path("publisher").asBoolean())));
    return out;
  }

  /** Display names of the room's publishers. */
  List<String> publishers() {
    return participants().stream().filter(Participant::publisher).map(Participant::display).sorted().toList();
  }

  @Override
  public void close() {
    if (session != 0) {
      try {
        http.post("/" + session, Map.of("janus", "destroy", "transaction", tx()));
      } catch (RuntimeException e) {
        // Janus already gone: nothing to tear down.
      }
      session = 0;
    }
  }

  private static String tx() {
    return UUID.randomUUID().toString();
  }
}
