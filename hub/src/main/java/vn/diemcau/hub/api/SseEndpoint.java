package vn.diemcau.hub.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Blocker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.hub.events.FleetEvent;
import vn.diemcau.hub.events.FleetEvents;
import vn.diemcau.hub.users.User;

/**
 * {@code GET /api/events}: live fleet changes as Server-Sent Events. Each event has the name
 * {@link FleetEvent#type()} and a JSON {@code data} line; a {@code : ping} comment every 15 s
 * keeps proxies from closing the stream; an event {@code resync} tells the client it missed
 * events and should re-read {@code /api/fleet}. Events are filtered to the caller's communes;
 * {@code telemetry} events (one per box every few seconds) only with {@code ?telemetry=true}.
 */
final class SseEndpoint implements Route.Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger(SseEndpoint.class);
  private static final long PING_MILLIS = 15_000;
  /** Events a stream may fall behind by before it is told to resync (a fleet-wide burst is one per box). */
  private static final int QUEUE_CAPACITY = 65_536;
  private static final int MAX_PER_WRITE = 512;

  private final FleetEvents events;

  SseEndpoint(FleetEvents events) {
    this.events = events;
  }

  @Override
  public Object handle(Call call) throws Exception {
    User user = call.user();
    var response = call.response();
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Accel-Buffering", "no");
    long id = 0;
    boolean telemetry = call.query("telemetry").map(Boolean::parseBoolean).orElse(false);
    try (FleetEvents.Subscription sub = events.subscribe(e -> (user.covers(e.commune())
        || e instanceof FleetEvent.SessionChanged && e.commune().isEmpty())
        && (telemetry || !(e instanceof FleetEvent.TelemetryReceived)), QUEUE_CAPACITY)) {
      write(call, ": connected\n\n");
      List<FleetEvent> batch = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      while (true) {
        FleetEvent first = sub.poll(PING_MILLIS);
        if (first != null) {
          batch.add(first);
          sub.drainTo(batch, MAX_PER_WRITE - 1);
        }
        if (sub.takeLost()) {
          text.append("event: resync\ndata: {}\n\n");
        }
        if (batch.isEmpty() && text.isEmpty()) {
          write(call, ": ping\n\n");
          continue;
        }
        // Everything queued goes out in one write: a fleet-wide burst (1,000s of boxes coming
        // online) costs one flush per batch, not one per event.
        for (FleetEvent e : batch) {
          text.append("id: ").append(++id).append("\nevent: ").append(e.type()).append("\ndata: ")
              .append(Json.MAPPER.writeValueAsString(e)).append("\n\n");
        }
        write(call, text.toString());
        batch.clear();
        text.setLength(0);
      }
    } catch (java.io.IOException | InterruptedException | RuntimeException e) {
      LOG.debug("SSE stream for {} ended: {}", user.username(), e.toString());
      call.callback().succeeded();
    }
    return Reply.STREAMED;
  }

  private static void write(Call call, String text) throws java.io.IOException {
    try (Blocker.Callback cb = Blocker.callback()) {
      call.response().write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), cb);
      cb.block();
    }
  }
}
