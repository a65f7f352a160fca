package vn.diemcau.appliance.media;

/**
 * A microphone level in dBFS (0 = full scale, a full-scale sine has an RMS of -3 dBFS), clamped to
 * {@link #FLOOR_DB} for digital silence.
 *
 * @param rmsDb  root mean square over the last measuring interval (~100 ms)
 * @param peakDb highest sample in it
 */
public record AudioLevel(double rmsDb, double peakDb) {
    /** What digital silence reads as. */
    public static final double FLOOR_DB = -100;

    public AudioLevel {
        if (Double.isNaN(rmsDb) || Double.isNaN(peakDb)) throw new IllegalArgumentException("level is NaN");
        rmsDb = clamp(rmsDb);
        peakDb = clamp(peakDb);
    }

    static double clamp(double db) {
        return Math.max(FLOOR_DB, Math.min(0, db));
    }

    /** dBFS of a power relative to full scale (mean square of samples in -1..1). */
    static double powerDb(double meanSquare) {
        return meanSquare <= 0 ? FLOOR_DB : clamp(10 * Math.log10(meanSquare));
    }
}
