package vn.diemcau.simulator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PromHistogramTest {
    private static final String BEFORE = """
            # TYPE rt_seconds histogram
            rt_seconds_bucket{le="0.001"} 10
            rt_seconds_bucket{le="0.005"} 10
            rt_seconds_bucket{le="0.01"} 10
            rt_seconds_bucket{le="+Inf"} 10
            rt_seconds_sum 0.005
            rt_seconds_count 10
            """;
    private static final String AFTER = """
            rt_seconds_bucket{le="0.001"} 10
            rt_seconds_bucket{le="0.005"} 90
            rt_seconds_bucket{le="0.01"} 109
            rt_seconds_bucket{le="+Inf"} 110
            other_bucket{le="0.001"} 3
            """;

    @Test
    void window_isTheDifference_andQuantilesInterpolateInsideABucket() {
        PromHistogram window = PromHistogram.parse(AFTER, "rt_seconds").orElseThrow()
                .minus(PromHistogram.parse(BEFORE, "rt_seconds").orElseThrow());
        assertThat(window.count()).isEqualTo(100);
        assertThat(window.shareAtMost(0.005)).isEqualTo(0.8);
        // 50th of 100: the 50th of the 80 in (1 ms, 5 ms] → 1 + 4 × 50/80 = 3.5 ms
        assertThat(window.quantileMillis(0.5)).isCloseTo(3.5, within(1e-9));
        // 99th: the 19th of the 19 in (5 ms, 10 ms] → 10 ms
        assertThat(window.quantileMillis(0.99)).isCloseTo(10.0, within(1e-9));
        assertThat(window.summary()).isEqualTo("3.50 / 10.00 (100)");
    }

    @Test
    void missingHistogram_isEmpty_andEmptyWindowHasNoQuantile() {
        assertThat(PromHistogram.parse(AFTER, "absent_seconds")).isEmpty();
        PromHistogram same = PromHistogram.parse(BEFORE, "rt_seconds").orElseThrow();
        assertThat(same.minus(same).quantileMillis(0.5)).isNaN();
        assertThat(HubTimings.NONE.roundTripCell()).isEqualTo("–");
    }
}
