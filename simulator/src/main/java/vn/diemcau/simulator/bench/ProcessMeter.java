package vn.diemcau.simulator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and memory of a Linux process from {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}.
 * CPU time is user + system time of all the process's threads, in clock ticks ({@code getconf CLK_TCK}).
 */
final class ProcessMeter {

    /** One reading: CPU seconds so far, at a monotonic time. */
    record Sample(long nanoTime, double cpuSeconds) {
        /** CPU used between the two samples, as a percentage of {@code cores} cores. */
        double cpuPercentSince(Sample earlier, int cores) {
            double wall = (nanoTime - earlier.nanoTime) / 1e9;
            return wall <= 0 ? 0 : (cpuSeconds - earlier.cpuSeconds) / wall / cores * 100.0;
        }
    }

    private static final double TICKS_PER_SECOND = clockTicks();

    private ProcessMeter() {
    }

    static Sample sample(long pid) {
        long now = System.nanoTime();
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after the command name, which is in parentheses and may contain spaces
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return new Sample(now, (utime + stime) / TICKS_PER_SECOND);
    }

    /** Resident set size now, in bytes ({@code VmRSS}). */
    static long rssBytes(long pid) {
        return statusKb(pid, "VmRSS:") * 1024;
    }

    /** Peak resident set size, in bytes ({@code VmHWM}). */
    static long peakRssBytes(long pid) {
        return statusKb(pid, "VmHWM:") * 1024;
    }

    /** Number of threads ({@code Threads}). */
    static long threads(long pid) {
        return statusKb(pid, "Threads:");
    }

    /** The machine's load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}), e.g. {@code 1.20/0.90/0.50}. */
    static String loadAverage() {
        String[] f = read(Path.of("/proc/loadavg")).split(" ");
        return f[0] + "/" + f[1] + "/" + f[2];
    }

    private static long statusKb(long pid, String key) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + key + " in /proc/" + pid + "/status");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (has the process exited?)", e);
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | NumberFormatException e) {
            return 100.0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100.0;
        }
    }
}
