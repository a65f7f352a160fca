package vn.diemcau.simulator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Prometheus histogram read from a {@code /metrics} scrape: cumulative counts per upper bound
 * (seconds). Two scrapes subtracted give the observations of a window; quantiles are interpolated
 * linearly inside a bucket, so they are exact only at the bounds.
 */
record PromHistogram(double[] bounds, long[] cumulative) {

    /** The histogram {@code name} in {@code scrape}, if present. */
    static Optional<PromHistogram> parse(String scrape, String name) {
        List<double[]> rows = new ArrayList<>();
        String prefix = name + "_bucket{le=\"";
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            int end = line.indexOf('"', prefix.length());
            String le = line.substring(prefix.length(), end);
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            rows.add(new double[] {bound, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))});
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        double[] b = new double[rows.size()];
        long[] c = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            b[i] = rows.get(i)[0];
            c[i] = (long) rows.get(i)[1];
        }
        return Optional.of(new PromHistogram(b, c));
    }

    PromHistogram minus(PromHistogram earlier) {
        long[] c = cumulative.clone();
        for (int i = 0; i < c.length && i < earlier.cumulative.length; i++) {
            c[i] -= earlier.cumulative[i];
        }
        return new PromHistogram(bounds, c);
    }

    long count() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /** The q-quantile in milliseconds (NaN without observations). */
    double quantileMillis(double q) {
        long n = count();
        if (n == 0) {
            return Double.NaN;
        }
        double rank = q * n;
        double lower = 0;
        long below = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (cumulative[i] >= rank) {
                double upper = Double.isInfinite(bounds[i]) ? lower : bounds[i];
                long inBucket = cumulative[i] - below;
                double f = inBucket == 0 ? 1 : (rank - below) / inBucket;
                return (lower + f * (upper - lower)) * 1000;
            }
            below = cumulative[i];
            lower = bounds[i];
        }
        return lower * 1000;
    }

    /** Share (0–1) of observations at or below {@code seconds}, which must be a bucket bound. */
    double shareAtMost(double seconds) {
        for (int i = 0; i < bounds.length; i++) {
            if (bounds[i] == seconds) {
                return count() == 0 ? Double.NaN : (double) cumulative[i] / count();
            }
        }
        throw new IllegalArgumentException(seconds + " s is not a bucket bound");
    }

    /** "p50 / p99 ms (n)". */
    String summary() {
        return String.format(Locale.ROOT, "%.2f / %.2f (%d)", quantileMillis(0.5), quantileMillis(0.99), count());
    }
}
