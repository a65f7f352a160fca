package vn.diemcau.appliance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.protocol.ProtocolCodec;

/**
 * The hub's {@code collect_logs} command: the box's most recent log lines (oldest first, one per
 * line, the oldest dropped to fit {@link ProtocolCodec#MAX_LOG_BYTES}) published on the LOGS
 * channel with the command id, then SUCCEEDED with how many lines and bytes went out. The lines
 * come from the in-memory buffer the local page shows; logs never hold secrets. The publish runs
 * on its own short-lived thread (it waits for the hub's acknowledgement).
 */
final class LogsCommand {

    private static final Logger log = LoggerFactory.getLogger(LogsCommand.class);

    private final IntFunction<List<String>> recent;
    private final BiConsumer<String, byte[]> publisher;
    private final Executor worker;

    /**
     * @param recent    the last n log lines, oldest first
     * @param publisher sends (command id, UTF-8 text) to the hub and returns once the hub has it; throws when it cannot
     */
    LogsCommand(IntFunction<List<String>> recent, BiConsumer<String, byte[]> publisher) {
        this(recent, publisher, r -> Thread.ofPlatform().name("collect-logs").daemon(true).start(r));
    }

    LogsCommand(IntFunction<List<String>> recent, BiConsumer<String, byte[]> publisher, Executor worker) {
        this.recent = recent;
        this.publisher = publisher;
        this.worker = worker;
    }

    CompletionStage<Map<String, Object>> collect(String commandId, int lines) {
        return CompletableFuture.supplyAsync(() -> {
            Text text = fit(recent.apply(lines), ProtocolCodec.MAX_LOG_BYTES);
            publisher.accept(commandId, text.utf8());
            log.info("Log lines for command {}: {} lines, {} bytes sent", commandId, text.lines(), text.utf8().length);
            return Map.of("lines", text.lines(), "bytes", text.utf8().length);
        }, worker);
    }

    /** UTF-8 text of some lines, each ending in a newline. */
    record Text(int lines, byte[] utf8) {}

    /** The newest of {@code lines} that fit in {@code maxBytes}, oldest first. */
    static Text fit(List<String> lines, int maxBytes) {
        int total = 0;
        int first = lines.size();
        while (first > 0) {
            int size = lines.get(first - 1).getBytes(StandardCharsets.UTF_8).length + 1;
            if (total + size > maxBytes) break;
            total += size;
            first--;
        }
        StringBuilder b = new StringBuilder(total);
        for (String line : lines.subList(first, lines.size())) b.append(line).append('\n');
        return new Text(lines.size() - first, b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
