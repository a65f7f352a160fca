package vn.diemcau.hub.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram of durations with fixed buckets, fine around the hub's targets (the 5 ms
 * command round trip): cumulative {@code _bucket{le=...}}, {@code _sum} and {@code _count} in
 * seconds. Observing is lock-free (one {@link LongAdder} per bucket).
 */
public final class LatencyHistogram {
  /** Upper bounds in seconds; +Inf is implicit. */
  static final double[] BOUNDS = {0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.015,
      0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

  private final String name;
  private final String help;
  private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
  private final LongAdder sumNanos = new LongAdder();

  LatencyHistogram(String name, String help) {
    this.name = name;
    this.help = help;
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  /** Records one duration; negative durations (a clock step) count as zero. */
  public void observeNanos(long nanos) {
    long n = Math.max(0, nanos);
    double seconds = n / 1e9;
    int i = 0;
    while (i < BOUNDS.length && seconds > BOUNDS[i]) {
      i++;
    }
    buckets[i].increment();
    sumNanos.add(n);
  }

  public long count() {
    long c = 0;
    for (LongAdder b : buckets) {
      c += b.sum();
    }
    return c;
  }

  /** Observations at or below {@code seconds}, which must be one of the bucket bounds. */
  public long countAtMost(double seconds) {
    long c = 0;
    for (int i = 0; i < BOUNDS.length && BOUNDS[i] <= seconds; i++) {
      c += buckets[i].sum();
    }
    return c;
  }

  void render(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" histogram\n");
    long cumulative = 0;
    for (int i = 0; i < buckets.length; i++) {
      cumulative += buckets[i].sum();
      String le = i < BOUNDS.length ? Double.toString(BOUNDS[i]) : "+Inf";
      out.append(name).append("_bucket{le=\"").append(le).append("\"} ").append(cumulative).append('\n');
    }
    out.append(name).append("_sum ").append(sumNanos.sum() / 1e9).append('\n');
    out.append(name).append("_count ").append(cumulative).append('\n');
  }
}
