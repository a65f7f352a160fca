package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogsCommandTest {

    record Sent(String id, String text) {
    }

    final List<Sent> sent = new ArrayList<>();

    LogsCommand command(List<String> buffer) {
        return new LogsCommand(n -> buffer.subList(Math.max(0, buffer.size() - n), buffer.size()),
                (id, text) -> sent.add(new Sent(id, new String(text, StandardCharsets.UTF_8))), Runnable::run);
    }

    @Test
    void lastLines_arePublishedOldestFirstWithTheCommandId_thenSucceedWithCounts() {
        List<String> buffer = List.of("một", "hai", "ba – phòng họp xã", "bốn");
        Map<String, Object> result = command(buffer).collect("cmd-1", 3).toCompletableFuture().join();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("cmd-1");
            assertThat(s.text()).isEqualTo("hai\nba – phòng họp xã\nbốn\n");
        });
        assertThat(result).containsEntry("lines", 3)
                .containsEntry("bytes", "hai\nba – phòng họp xã\nbốn\n".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void tooMuchText_dropsTheOldestLinesToFit() {
        List<String> lines = IntStream.range(0, 10).mapToObj(i -> "line " + i + " " + "x".repeat(90)).toList();
        LogsCommand.Text fitted = LogsCommand.fit(lines, 350);
        assertThat(fitted.lines()).isEqualTo(3);
        assertThat(fitted.utf8().length).isLessThanOrEqualTo(350);
        assertThat(new String(fitted.utf8(), StandardCharsets.UTF_8)).startsWith("line 7 ").endsWith("x\n");
        assertThat(LogsCommand.fit(List.of("y".repeat(500)), 350).lines()).isZero();
        assertThat(LogsCommand.fit(List.of(), 350).utf8()).isEmpty();
    }

    @Test
    void hubUnreachable_failsTheCommandWithTheReason() {
        LogsCommand c = new LogsCommand(n -> List.of("a"), (id, text) -> {
            throw new IllegalStateException("hub not connected; log text not sent");
        }, Runnable::run);
        assertThatThrownBy(() -> c.collect("cmd-2", 10).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasMessageContaining("hub not connected");
    }
}
