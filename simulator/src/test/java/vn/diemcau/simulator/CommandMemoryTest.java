package vn.diemcau.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.diemcau.protocol.CommandReply;
import vn.diemcau.protocol.ReplyStage;

class CommandMemoryTest {
    private final CommandMemory memory = new CommandMemory();

    private static CommandReply reply(String id, ReplyStage stage) {
        return new CommandReply(id, stage, Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(), Map.of());
    }

    @Test
    void repliesFor_unknownId_isEmpty() {
        assertThat(memory.repliesFor("c1")).isEmpty();
        assertThat(memory.executions("c1")).isZero();
    }

    @Test
    void remember_keepsRepliesInOrderAndCountsExecutions() {
        memory.remember(reply("c1", ReplyStage.ACCEPTED));
        memory.executed("c1");
        memory.remember(reply("c1", ReplyStage.SUCCEEDED));
        assertThat(memory.repliesFor("c1")).hasValueSatisfying(list -> assertThat(list)
                .extracting(CommandReply::stage).containsExactly(ReplyStage.ACCEPTED, ReplyStage.SUCCEEDED));
        assertThat(memory.executions("c1")).isEqualTo(1);
    }

    @Test
    void remember_beyondCapacity_forgetsOldestIds() {
        for (int i = 0; i <= CommandMemory.CAPACITY; i++) {
            memory.remember(reply("c" + i, ReplyStage.ACCEPTED));
        }
        assertThat(memory.repliesFor("c0")).isEmpty();
        assertThat(memory.repliesFor("c" + CommandMemory.CAPACITY)).isPresent();
    }
}
