package vn.diemcau.simulator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.diemcau.protocol.DeviceId;

/**
 * Per-box event sequence numbers. They survive reconnects and restarts of a box within a run; with a
 * state directory they also survive the run ({@value #FILE_NAME}, written atomically on close).
 */
final class SeqStore {
    static final String FILE_NAME = "event-seq.properties";

    private final Optional<Path> dir;
    private final Map<DeviceId, AtomicLong> counters = new ConcurrentHashMap<>();

    private SeqStore(Optional<Path> dir) {
        this.dir = dir;
    }

    static SeqStore open(Optional<Path> dir) {
        SeqStore store = new SeqStore(dir);
        dir.map(d -> d.resolve(FILE_NAME)).filter(Files::isRegularFile).ifPresent(store::load);
        return store;
    }

    AtomicLong counter(DeviceId id) {
        return counters.computeIfAbsent(id, k -> new AtomicLong());
    }

    private void load(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event sequence numbers from " + file, e);
        }
        props.forEach((k, v) -> counter(DeviceId.of((String) k)).set(Long.parseLong(((String) v).strip())));
    }

    /** Writes all counters (temp file, fsync, rename); a no-op without a state directory. */
    void save() {
        if (dir.isEmpty()) {
            return;
        }
        Properties props = new Properties();
        counters.forEach((id, seq) -> props.setProperty(id.value(), Long.toString(seq.get())));
        try {
            Files.createDirectories(dir.get());
            Path tmp = Files.createTempFile(dir.get(), FILE_NAME, ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp)) {
                props.store(out, "last event sequence number per simulated box");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, dir.get().resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event sequence numbers to " + dir.get(), e);
        }
    }
}
