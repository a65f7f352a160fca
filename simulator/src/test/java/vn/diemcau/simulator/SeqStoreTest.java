package vn.diemcau.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.protocol.DeviceId;

class SeqStoreTest {
    @TempDir
    Path dir;

    @Test
    void save_thenOpen_continuesSequenceNumbers() {
        SeqStore first = SeqStore.open(Optional.of(dir));
        first.counter(DeviceId.of("xa-1")).addAndGet(41);
        first.save();

        SeqStore second = SeqStore.open(Optional.of(dir));
        assertThat(second.counter(DeviceId.of("xa-1")).incrementAndGet()).isEqualTo(42);
        assertThat(second.counter(DeviceId.of("xa-2")).incrementAndGet()).isEqualTo(1);
    }

    @Test
    void save_withoutDirectory_keepsNumbersInMemoryOnly() {
        SeqStore store = SeqStore.open(Optional.empty());
        store.counter(DeviceId.of("xa-1")).incrementAndGet();
        store.save();
        assertThat(store.counter(DeviceId.of("xa-1")).get()).isEqualTo(1);
    }
}
