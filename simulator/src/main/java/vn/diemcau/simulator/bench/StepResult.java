package vn.diemcau.simulator.bench;

import java.util.List;
import java.util.Locale;

/** Figures of one benchmark step (one fleet size). Times in milliseconds unless named otherwise. */
record StepResult(int boxes, int online, double rampSeconds, double windowSeconds, double targetCpuMachinePercent,
        double targetRssMb, double targetPeakRssMb, long targetThreads, double simulatorCpuMachinePercent,
        Stats commandRoundTrip, long commandsSent, long commandsUnanswered, Stats killToOffline,
        Stats freezeToOffline, String loadAverage, HubTimings hub) {

    /** Count, median, 99th percentile and maximum of a list of durations. */
    record Stats(int count, double p50, double p99, double max) {
        static Stats ofNanos(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Stats(sorted.length, pick(sorted, 0.50), pick(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }

        private static double pick(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    static String header() {
        return "| boxes | online | ramp s | broker CPU % of machine | RSS MB (peak) | threads | simulators CPU % "
                + "| command RTT p50 / p99 / max ms (n) | unanswered | kill → offline p50 / max ms (n) "
                + "| freeze → offline p50 / max s (n) | load avg 1/5/15 min "
                + "| hub: publish → final reply p50 / p99 ms (n) | hub: request → publish p50 / p99 ms (n) |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|---|---|---|";
    }

    String row() {
        return String.format(Locale.ROOT,
                "| %,d | %,d | %.1f | %.1f | %.0f (%.0f) | %d | %.1f | %.2f / %.2f / %.1f (%d) | %d | %.1f / %.1f (%d) | %.1f / %.1f (%d) | %s | %s | %s |",
                boxes, online, rampSeconds, targetCpuMachinePercent, targetRssMb, targetPeakRssMb, targetThreads,
                simulatorCpuMachinePercent, commandRoundTrip.p50(), commandRoundTrip.p99(), commandRoundTrip.max(),
                commandRoundTrip.count(), commandsUnanswered, killToOffline.p50(), killToOffline.max(),
                killToOffline.count(), freezeToOffline.p50() / 1000, freezeToOffline.max() / 1000, freezeToOffline.count(), loadAverage,
                hub.roundTripCell(), hub.issueCell());
    }
}
