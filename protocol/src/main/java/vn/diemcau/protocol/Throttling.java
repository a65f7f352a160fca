package vn.diemcau.protocol;

/**
 * Raspberry Pi firmware throttling flags ({@code get_throttled}); all false elsewhere.
 *
 * @param occurredSinceBoot any of the conditions happened since boot
 */
public record Throttling(boolean underVoltage, boolean frequencyCapped, boolean throttled, boolean softTempLimit,
                         boolean occurredSinceBoot) {
    public static final Throttling NONE = new Throttling(false, false, false, false, false);

    /** Decodes the firmware's bit field (bits 0–3 now, 16–19 since boot). */
    public static Throttling fromFirmwareBits(long bits) {
        return new Throttling((bits & 0x1) != 0, (bits & 0x2) != 0, (bits & 0x4) != 0, (bits & 0x8) != 0,
                (bits & 0xF0000) != 0);
    }
}
