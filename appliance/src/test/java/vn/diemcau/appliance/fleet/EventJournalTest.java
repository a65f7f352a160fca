package vn.diemcau.appliance.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {

    @TempDir
    Path dir;

    static final EventJournal.Encoder DROPPED = (seq, count) -> ("dropped " + count + " #" + seq).getBytes(StandardCharsets.UTF_8);

    EventJournal open(int max) {
        return EventJournal.open(dir, max, DROPPED);
    }

    static byte[] text(long seq) {
        return ("event #" + seq).getBytes(StandardCharsets.UTF_8);
    }

    static String str(EventJournal.Entry e) {
        return new String(e.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void append_assignsIncreasingSeqFromOne_andSurvivesReopen() {
        try (EventJournal j = open(100)) {
            assertThat(j.append(EventJournalTest::text)).isEqualTo(1);
            assertThat(j.append(EventJournalTest::text)).isEqualTo(2);
        }
        try (EventJournal j = open(100)) {
            assertThat(j.pending()).extracting(EventJournal.Entry::seq).containsExactly(1L, 2L);
            assertThat(str(j.first().orElseThrow())).isEqualTo("event #1");
            assertThat(j.append(EventJournalTest::text)).isEqualTo(3);
        }
    }

    @Test
    void acknowledge_removesDelivered_andSeqNeverRepeatsAfterCompaction() throws IOException {
        try (EventJournal j = open(100)) {
            j.append(EventJournalTest::text);
            j.append(EventJournalTest::text);
            j.acknowledge(1);
            assertThat(j.pending()).extracting(EventJournal.Entry::seq).containsExactly(2L);
            j.acknowledge(2);
            assertThat(j.size()).isZero();
        }
        assertThat(Files.size(dir.resolve("journal.log"))).isZero();
        try (EventJournal j = open(100)) {
            assertThat(j.size()).isZero();
            assertThat(j.append(EventJournalTest::text)).isEqualTo(3);
        }
    }

    @Test
    void reopen_afterAckWithoutCompaction_skipsDelivered() {
        try (EventJournal j = open(1000)) {
            for (int i = 0; i < 5; i++) j.append(EventJournalTest::text);
            j.acknowledge(3);
        }
        try (EventJournal j = open(1000)) {
            assertThat(j.pending()).extracting(EventJournal.Entry::seq).containsExactly(4L, 5L);
        }
    }

    @Test
    void open_tornLastRecord_isTruncatedAndEarlierKept() throws IOException {
        try (EventJournal j = open(100)) {
            j.append(EventJournalTest::text);
            j.append(EventJournalTest::text);
        }
        Path log = dir.resolve("journal.log");
        long size = Files.size(log);
        try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3);
        }
        try (EventJournal j = open(100)) {
            assertThat(j.pending()).extracting(EventJournal.Entry::seq).containsExactly(1L);
            assertThat(j.append(EventJournalTest::text)).isEqualTo(2);
        }
        try (EventJournal j = open(100)) {
            assertThat(j.pending()).extracting(EventJournalTest::str).containsExactly("event #1", "event #2");
        }
    }

    @Test
    void append_whenFull_dropsOldestAndRecordsHowMany() {
        try (EventJournal j = open(5)) {
            for (int i = 0; i < 5; i++) j.append(EventJournalTest::text);
            assertThat(j.size()).isEqualTo(5);
            j.append(EventJournalTest::text);
            assertThat(j.pending()).extracting(EventJournalTest::str)
                    .containsExactly("event #3", "event #4", "event #5", "dropped 2 #6", "event #7");
        }
        try (EventJournal j = open(5)) {
            assertThat(j.pending()).extracting(EventJournal.Entry::seq).containsExactly(3L, 4L, 5L, 6L, 7L);
        }
    }
}
