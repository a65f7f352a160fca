package vn.diemcau.appliance.fleet;

import vn.diemcau.protocol.testing.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLogTest {

    @TempDir
    Path dir;

    FakeClock clock = new FakeClock(Instant.parse("2026-11-30T03:00:00Z"));

    @Test
    void seenCommand_survivesReopenWithItsReplies() {
        Path f = dir.resolve("commands.json");
        CommandLog log = CommandLog.open(f, clock, 10);
        assertThat(log.seen("c1")).isEmpty();
        log.begin("c1", clock.instant().plusSeconds(60));
        log.reply("c1", "{\"stage\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8));

        CommandLog reopened = CommandLog.open(f, clock, 10);
        assertThat(reopened.seen("c1")).hasValueSatisfying(r ->
                assertThat(r).extracting(b -> new String(b, StandardCharsets.UTF_8)).containsExactly("{\"stage\":\"ACCEPTED\"}"));
    }

    @Test
    void capacity_keepsNewestIds() {
        CommandLog log = CommandLog.open(dir.resolve("commands.json"), clock, 3);
        for (int i = 1; i <= 5; i++) log.begin("c" + i, clock.instant().plusSeconds(60));
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.seen("c1")).isEmpty();
        assertThat(log.seen("c5")).isPresent();
    }

    @Test
    void corruptFile_startsEmpty() throws Exception {
        Path f = dir.resolve("commands.json");
        Files.writeString(f, "[{oops");
        assertThat(CommandLog.open(f, clock, 10).size()).isZero();
    }
}
