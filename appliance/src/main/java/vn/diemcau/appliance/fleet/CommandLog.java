package vn.diemcau.appliance.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.config.AtomicFiles;

/**
 * The recently handled command ids and the replies sent for each, on disk ({@code commands.json},
 * replaced atomically on every change), so a repeated command — a redelivery, or the hub retrying
 * after this box restarted — gets the stored replies again and is never executed twice.
 * Keeps the newest {@code capacity} ids; ids whose command expired over a day ago are forgotten
 * first. Thread-safe.
 */
final class CommandLog {

    private static final Logger log = LoggerFactory.getLogger(CommandLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private record Handled(Instant expiresAt, List<String> replies) {
    }

    private final Path file;
    private final Clock clock;
    private final int capacity;
    private final LinkedHashMap<String, Handled> handled = new LinkedHashMap<>();

    private CommandLog(Path file, Clock clock, int capacity) {
        this.file = file;
        this.clock = clock;
        this.capacity = capacity;
    }

    static CommandLog open(Path file, Clock clock, int capacity) {
        CommandLog c = new CommandLog(file, clock, capacity);
        if (Files.exists(file)) {
            try {
                for (JsonNode n : JSON.readTree(Files.readAllBytes(file))) {
                    List<String> replies = new ArrayList<>();
                    n.path("replies").forEach(r -> replies.add(r.asText()));
                    c.handled.put(n.path("id").asText(), new Handled(Instant.parse(n.path("expiresAt").asText()), replies));
                }
            } catch (IOException | RuntimeException e) {
                log.error("Command log {} is unreadable ({}); starting empty", file, e.getMessage());
                c.handled.clear();
            }
        }
        return c;
    }

    /** The replies already sent for {@code id}, if it was seen before. */
    synchronized Optional<List<byte[]>> seen(String id) {
        Handled h = handled.get(id);
        if (h == null) return Optional.empty();
        return Optional.of(h.replies().stream().map(r -> r.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** Records {@code id} as being handled (persisted before it executes). */
    synchronized void begin(String id, Instant expiresAt) {
        handled.put(id, new Handled(expiresAt, new ArrayList<>()));
        prune();
        save();
    }

    /** Records a reply sent for {@code id}. */
    synchronized void reply(String id, byte[] reply) {
        Handled h = handled.get(id);
        if (h == null) return;
        h.replies().add(new String(reply, StandardCharsets.UTF_8));
        save();
    }

    synchronized int size() {
        return handled.size();
    }

    private void prune() {
        Instant forget = clock.instant().minus(FORGET_AFTER);
        handled.entrySet().removeIf(e -> e.getValue().expiresAt().isBefore(forget) && handled.size() > 1);
        var it = handled.entrySet().iterator();
        while (handled.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private void save() {
        ArrayNode arr = JSON.createArrayNode();
        for (Map.Entry<String, Handled> e : handled.entrySet()) {
            ObjectNode o = arr.addObject();
            o.put("id", e.getKey());
            o.put("expiresAt", e.getValue().expiresAt().toString());
            ArrayNode r = o.putArray("replies");
            e.getValue().replies().forEach(r::add);
        }
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(arr));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
