package vn.diemcau.simulator.bench;

import java.util.Locale;
import java.util.Optional;

/**
 * The hub's own view of its command path, read from its {@code /metrics}: publish → the box's
 * final reply handled ({@code diemcau_command_round_trip_seconds}: broker, box, broker and the
 * hub's ingest) and request taken → published ({@code diemcau_command_issue_seconds}).
 */
record HubTimings(Optional<PromHistogram> roundTrip, Optional<PromHistogram> issue) {
    static final HubTimings NONE = new HubTimings(Optional.empty(), Optional.empty());

    static HubTimings parse(String scrape) {
        return new HubTimings(PromHistogram.parse(scrape, "diemcau_command_round_trip_seconds"),
                PromHistogram.parse(scrape, "diemcau_command_issue_seconds"));
    }

    /** What happened between {@code earlier} and this scrape. */
    HubTimings since(HubTimings earlier) {
        return new HubTimings(roundTrip.map(r -> earlier.roundTrip.map(r::minus).orElse(r)),
                issue.map(i -> earlier.issue.map(i::minus).orElse(i)));
    }

    /** "p50 / p99 ms (n), x% ≤ 5 ms" of the round trip, or "–". */
    String roundTripCell() {
        return roundTrip.filter(h -> h.count() > 0).map(h -> h.summary() + String.format(Locale.ROOT, ", %.1f%% ≤ 5 ms",
                100 * h.shareAtMost(0.005))).orElse("–");
    }

    String issueCell() {
        return issue.filter(h -> h.count() > 0).map(PromHistogram::summary).orElse("–");
    }
}
