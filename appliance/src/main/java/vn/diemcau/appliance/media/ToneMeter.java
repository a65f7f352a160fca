package vn.diemcau.appliance.media;

import java.util.Locale;

/**
 * Measures mono S16 samples in blocks of 100 ms: broadband RMS and peak, and the level of one
 * frequency (Goertzel with a Hann window, reported as the RMS of that sine component, in dBFS like
 * {@link AudioLevel}). Fed from a streaming thread, read from another: synchronized.
 */
final class ToneMeter {
    private final double hz;
    private final int block;
    private final double[] window;
    private final double windowSum;
    private final double coeff;
    private final double cos;
    private final double sin;
    private final double[] pending;
    private int filled;
    private int blocks;
    private double sumSquares;
    private long samples;
    private double peak;
    private double tonePowerSum;
    private final java.util.List<Double> blockTonePowers = new java.util.ArrayList<>();

    /** @param rate samples per second; blocks are a tenth of it */
    ToneMeter(double hz, int rate) {
        if (hz <= 0 || hz >= rate / 2.0) throw new IllegalArgumentException("frequency out of range: " + hz);
        this.hz = hz;
        this.block = rate / 10;
        this.window = new double[block];
        double sum = 0;
        for (int i = 0; i < block; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (block - 1));
            sum += window[i];
        }
        this.windowSum = sum;
        double w = 2 * Math.PI * hz / rate;
        this.cos = Math.cos(w);
        this.sin = Math.sin(w);
        this.coeff = 2 * cos;
        this.pending = new double[block];
    }

    /** Adds little-endian signed 16-bit samples. */
    synchronized void add(java.nio.ByteBuffer le16) {
        for (int i = le16.position(); i + 1 < le16.limit(); i += 2) {
            int lo = le16.get(i) & 0xff;
            int hi = le16.get(i + 1);
            double x = (short) ((hi << 8) | lo) / 32768.0;
            sumSquares += x * x;
            samples++;
            peak = Math.max(peak, Math.abs(x));
            pending[filled++] = x;
            if (filled == block) {
                double p = blockTonePower();
                tonePowerSum += p;
                blockTonePowers.add(p);
                blocks++;
                filled = 0;
            }
        }
    }

    /** Adds samples in -1..1 (tests). */
    synchronized void add(double[] xs) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(xs.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double x : xs) b.putShort((short) Math.round(Math.max(-1, Math.min(32767 / 32768.0, x)) * 32768));
        b.flip();
        add(b);
    }

    /** Mean square of the sine component at {@code hz} in the block just filled. */
    private double blockTonePower() {
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < block; i++) {
            double s0 = pending[i] * window[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double re = s1 - s2 * cos;
        double im = s2 * sin;
        double amplitude = 2 * Math.sqrt(re * re + im * im) / windowSum;
        return amplitude * amplitude / 2;
    }

    synchronized Reading reading() {
        double[] sorted = blockTonePowers.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double upper = sorted.length == 0 ? 0 : sorted[(sorted.length * 3) / 4 == sorted.length ? sorted.length - 1 : (sorted.length * 3) / 4];
        return new Reading(hz, blocks, samples,
                new AudioLevel(AudioLevel.powerDb(samples == 0 ? 0 : sumSquares / samples), peak == 0 ? AudioLevel.FLOOR_DB : 20 * Math.log10(peak)),
                AudioLevel.powerDb(blocks == 0 ? 0 : tonePowerSum / blocks), AudioLevel.powerDb(upper));
    }

    /**
     * What was measured.
     *
     * @param blocks  complete 100 ms blocks (the tone level is their average)
     * @param samples samples seen
     * @param level   broadband RMS and peak over all samples
     * @param toneDb  level of the {@code hz} component over all blocks, dBFS RMS
     * @param upperToneDb the same in the block at the upper quartile: robust to blocks from before
     *                    the tone reached the microphone (a late, loaded capture thread)
     */
    record Reading(double hz, int blocks, long samples, AudioLevel level, double toneDb, double upperToneDb) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f Hz %.1f dBFS (upper quartile %.1f), broadband %.1f dBFS RMS (peak %.1f), %d blocks",
                    hz, toneDb, upperToneDb, level.rmsDb(), level.peakDb(), blocks);
        }
    }
}
