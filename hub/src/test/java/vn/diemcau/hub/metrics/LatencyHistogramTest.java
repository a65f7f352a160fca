package vn.diemcau.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void observations_landInTheirBucket_andRenderCumulatively() {
    HubMetrics metrics = new HubMetrics();
    LatencyHistogram h = metrics.histogram("x_seconds", "test");
    h.observeNanos(400_000); // 0.4 ms → le 0.0005
    h.observeNanos(5_000_000); // exactly 5 ms → le 0.005
    h.observeNanos(5_000_001); // just over → le 0.0075
    h.observeNanos(-3); // a clock step counts as zero
    h.observeNanos(60_000_000_000L); // 60 s → +Inf only

    assertThat(h.count()).isEqualTo(5);
    assertThat(h.countAtMost(0.005)).isEqualTo(3);
    String text = metrics.scrape();
    assertThat(text).contains("# TYPE x_seconds histogram\n", "x_seconds_bucket{le=\"5.0E-4\"} 2\n",
        "x_seconds_bucket{le=\"0.005\"} 3\n", "x_seconds_bucket{le=\"0.0075\"} 4\n", "x_seconds_bucket{le=\"30.0\"} 4\n",
        "x_seconds_bucket{le=\"+Inf\"} 5\n", "x_seconds_count 5\n");
    assertThat(metrics.histogram("x_seconds", "again")).isSameAs(h);
  }
}
