package vn.diemcau.simulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.protocol.DeviceId;

/**
 * Observes a real hub the way an operator's browser does: commands through {@code POST /api/commands},
 * outcomes and presence from the {@code /api/events} stream. A round trip is POST sent → the
 * {@code command} event with state SUCCEEDED read; offline detection is kill → {@code presence} OFFLINE read.
 */
final class HubApiRequester implements Requester {
    private static final Logger LOG = LoggerFactory.getLogger(HubApiRequester.class);

    private final HubApi api;
    private final HttpResponse<Stream<String>> stream;
    private final Thread reader;
    private final Map<String, Boolean> onlineBoxes = new ConcurrentHashMap<>();
    private final AtomicInteger online = new AtomicInteger();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> succeededAt = new ConcurrentHashMap<>();
    private final List<Long> roundTrips = new ArrayList<>();
    private final Map<DeviceId, Long> killedAt = new ConcurrentHashMap<>();
    private final Map<DeviceId, Long> offlineAfter = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    HubApiRequester(HubApi api) throws Exception {
        this.api = api;
        this.stream = api.events().get(10, TimeUnit.SECONDS);
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("/api/events answered " + stream.statusCode());
        }
        this.reader = new Thread(this::read, "bench-hub-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        String event = "";
        try {
            Iterator<String> lines = stream.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && (event.equals("presence") || event.equals("command"))) {
                    handle(event, HubApi.JSON.readTree(line.substring(6)), System.nanoTime());
                } else if (line.isEmpty()) {
                    event = "";
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("hub event stream ended: {}", e.toString());
        }
    }

    private void handle(String event, JsonNode data, long now) {
        String box = data.path("boxId").asText();
        if (event.equals("presence")) {
            boolean isOnline = "ONLINE".equals(data.path("presence").asText());
            Boolean before = onlineBoxes.put(box, isOnline);
            if (isOnline && !Boolean.TRUE.equals(before)) {
                online.incrementAndGet();
            } else if (!isOnline && Boolean.TRUE.equals(before)) {
                online.decrementAndGet();
                Long killed = killedAt.remove(DeviceId.of(box));
                if (killed != null) {
                    offlineAfter.put(DeviceId.of(box), now - killed);
                }
            }
            return;
        }
        String id = data.path("commandId").asText();
        synchronized (this) {
            commandState(id, data.path("state").asText(), now);
        }
    }

    private void commandState(String id, String state, long now) {
        switch (state) {
            case "SUCCEEDED" -> {
                Long start = sentAt.remove(id);
                if (start != null) {
                    record(now - start);
                } else {
                    succeededAt.put(id, now); // the event overtook the POST's answer
                }
            }
            case "REJECTED", "FAILED", "EXPIRED", "TIMED_OUT" -> rejected.incrementAndGet();
            default -> { }
        }
    }

    private void record(long nanos) {
        synchronized (roundTrips) {
            roundTrips.add(nanos);
        }
    }

    @Override
    public int online() {
        return online.get();
    }

    @Override
    public void command(DeviceId box) {
        long start = System.nanoTime();
        sent.incrementAndGet();
        api.identify(box.value()).whenComplete((id, error) -> {
            if (error != null) {
                LOG.debug("command to {} failed: {}", box.value(), error.toString());
                return;
            }
            synchronized (this) {
                Long done = succeededAt.remove(id);
                if (done != null) {
                    record(done - start);
                } else {
                    sentAt.put(id, start);
                }
            }
        });
    }

    @Override
    public void killing(DeviceId box) {
        killedAt.put(box, System.nanoTime());
    }

    @Override
    public List<Long> roundTripsNanos() {
        synchronized (roundTrips) {
            return List.copyOf(roundTrips);
        }
    }

    @Override
    public long commandsSent() {
        return sent.get();
    }

    @Override
    public long unanswered() {
        return sent.get() - roundTripsNanos().size();
    }

    @Override
    public long rejected() {
        return rejected.get();
    }

    @Override
    public Map<DeviceId, Long> offlineAfterNanos() {
        return Map.copyOf(offlineAfter);
    }

    @Override
    public HubTimings hubTimings() {
        return HubTimings.parse(api.metrics());
    }

    @Override
    public void close() {
        stream.body().close();
        reader.interrupt();
    }
}
