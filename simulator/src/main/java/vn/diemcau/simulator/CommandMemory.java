package vn.diemcau.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.diemcau.protocol.CommandReply;

/**
 * The replies a box gave per command id, so that a repeated request is answered with the stored
 * replies and never executed twice. Keeps the most recent {@value #CAPACITY} ids. Not thread-safe.
 */
final class CommandMemory {
    static final int CAPACITY = 256;

    private final Map<String, Memo> entries = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Memo> eldest) {
            return size() > CAPACITY;
        }
    };

    private static final class Memo {
        final List<CommandReply> replies = new ArrayList<>(2);
        int executions;
    }

    /** The replies already given for this id, if the id was seen before. */
    Optional<List<CommandReply>> repliesFor(String commandId) {
        return Optional.ofNullable(entries.get(commandId)).map(e -> List.copyOf(e.replies));
    }

    void remember(CommandReply reply) {
        entries.computeIfAbsent(reply.commandId(), k -> new Memo()).replies.add(reply);
    }

    void executed(String commandId) {
        entries.computeIfAbsent(commandId, k -> new Memo()).executions++;
    }

    int executions(String commandId) {
        Memo e = entries.get(commandId);
        return e == null ? 0 : e.executions;
    }
}
