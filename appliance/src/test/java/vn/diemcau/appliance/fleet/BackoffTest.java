package vn.diemcau.appliance.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void next_doublesCapWithJitterUpToMax_andResetStartsOver() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), new Random(42));
        long[] caps = {1000, 2000, 4000, 8000, 8000, 8000};
        for (long cap : caps) {
            assertThat(b.next().toMillis()).isBetween(cap / 2, cap);
        }
        b.reset();
        assertThat(b.next().toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void next_isJittered() {
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), new Random(1));
        assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> b.next()).distinct().count()).isGreaterThan(10);
    }
}
