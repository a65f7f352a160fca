package vn.diemcau.appliance.fleet;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.config.AtomicFiles;

/**
 * The box's outgoing events on disk, in sequence order, until the hub has them (PUBACK).
 *
 * <p>{@code journal.log} is append-only: each record is {@code [int length][long seq][int crc32][payload]},
 * fsynced before {@link #append} returns. {@code journal.head} holds the highest sequence number
 * removed (delivered or dropped); records at or below it are skipped on load and compacted away.
 * A torn record at the end (power cut mid-write) is truncated on load. Sequence numbers start at 1
 * and never repeat, even across restarts and compactions.
 *
 * <p>Bounded: when {@code maxEvents} are pending, the oldest are dropped and an "events dropped"
 * record (built by {@link Encoder#dropped}) goes in ahead of the new event. Thread-safe.
 */
final class EventJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventJournal.class);
    private static final int HEADER = 4 + 8 + 4;
    private static final int MAX_RECORD = 1 << 20;

    /** Builds payloads once the journal has assigned their sequence number. */
    interface Encoder {
        byte[] dropped(long seq, long count);
    }

    /** One pending event. */
    record Entry(long seq, byte[] payload) {
    }

    private final Path logFile;
    private final Path headFile;
    private final int maxEvents;
    private final Encoder encoder;
    private final Deque<Entry> pending = new ArrayDeque<>();
    private FileChannel channel;
    private long head;
    private long lastSeq;
    private long removedSinceCompaction;

    private EventJournal(Path dir, int maxEvents, Encoder encoder) {
        this.logFile = dir.resolve("journal.log");
        this.headFile = dir.resolve("journal.head");
        this.maxEvents = maxEvents;
        this.encoder = encoder;
    }

    static EventJournal open(Path dir, int maxEvents, Encoder encoder) {
        if (maxEvents < 3) throw new IllegalArgumentException("maxEvents must be >= 3, was " + maxEvents);
        EventJournal j = new EventJournal(dir, maxEvents, encoder);
        try {
            Files.createDirectories(dir);
            j.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open event journal in " + dir, e);
        }
        return j;
    }

    private void load() throws IOException {
        if (Files.exists(headFile)) {
            head = Long.parseLong(Files.readString(headFile, StandardCharsets.US_ASCII).trim());
        }
        lastSeq = head;
        channel = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = channel.size();
        long pos = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (pos + HEADER <= size) {
            header.clear();
            channel.read(header, pos);
            header.flip();
            int len = header.getInt();
            long seq = header.getLong();
            int crc = header.getInt();
            if (len < 0 || len > MAX_RECORD || pos + HEADER + len > size) break;
            ByteBuffer body = ByteBuffer.allocate(len);
            channel.read(body, pos + HEADER);
            if (crc(body.array()) != crc || seq <= lastSeq && seq > head) break;
            if (seq > head) pending.add(new Entry(seq, body.array()));
            lastSeq = Math.max(lastSeq, seq);
            pos += HEADER + len;
        }
        if (pos < size) {
            log.warn("Event journal {}: truncating {} bytes of a torn or corrupt record at offset {}", logFile, size - pos, pos);
            channel.truncate(pos);
            channel.force(true);
        }
        channel.position(pos);
        log.info("Event journal {}: {} pending, next seq {}", logFile, pending.size(), lastSeq + 1);
    }

    /**
     * Assigns the next sequence number, writes the event and fsyncs it.
     *
     * @param payload builds the event's bytes from its sequence number
     * @return the sequence number
     */
    synchronized long append(java.util.function.LongFunction<byte[]> payload) {
        if (pending.size() >= maxEvents) {
            long drop = pending.size() + 2 - maxEvents;
            long lastDropped = head;
            for (long i = 0; i < drop; i++) lastDropped = pending.removeFirst().seq();
            moveHead(lastDropped);
            log.warn("Event journal full ({} events): dropped the {} oldest", maxEvents, drop);
            long droppedSeq = ++lastSeq;
            write(droppedSeq, encoder.dropped(droppedSeq, drop));
        }
        long seq = ++lastSeq;
        write(seq, payload.apply(seq));
        return seq;
    }

    private void write(long seq, byte[] payload) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER + payload.length);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(payload.length);
            out.writeLong(seq);
            out.writeInt(crc(payload));
            out.write(payload);
            ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
            while (buf.hasRemaining()) channel.write(buf);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + logFile, e);
        }
        pending.add(new Entry(seq, payload));
    }

    /** The oldest pending event. */
    synchronized Optional<Entry> first() {
        return Optional.ofNullable(pending.peekFirst());
    }

    /** The pending events, oldest first (a copy). */
    synchronized List<Entry> pending() {
        return new ArrayList<>(pending);
    }

    synchronized int size() {
        return pending.size();
    }

    /** The highest sequence number assigned so far (0 before the first event). */
    synchronized long lastSeq() {
        return lastSeq;
    }

    /** Removes every pending event with a sequence number up to {@code seq} (the hub has them). */
    synchronized void acknowledge(long seq) {
        if (seq <= head) return;
        while (!pending.isEmpty() && pending.peekFirst().seq() <= seq) pending.removeFirst();
        moveHead(Math.min(seq, lastSeq));
    }

    private void moveHead(long newHead) {
        removedSinceCompaction += newHead - head;
        head = newHead;
        AtomicFiles.write(headFile, Long.toString(head).getBytes(StandardCharsets.US_ASCII));
        if (pending.isEmpty() || removedSinceCompaction >= 256) compact();
    }

    /** Rewrites the log with only the pending records (atomic replace). */
    private void compact() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            for (Entry e : pending) {
                out.writeInt(e.payload().length);
                out.writeLong(e.seq());
                out.writeInt(crc(e.payload()));
                out.write(e.payload());
            }
            channel.close();
            AtomicFiles.write(logFile, bytes.toByteArray());
            channel = FileChannel.open(logFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.position(channel.size());
            removedSinceCompaction = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact " + logFile, e);
        }
    }

    private static int crc(byte[] payload) {
        CRC32 c = new CRC32();
        c.update(payload);
        return (int) c.getValue();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Closing event journal {} failed", logFile, e);
        }
    }
}
