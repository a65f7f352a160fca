package vn.diemcau.appliance.media;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Result of {@link MediaEngine#audioSelfTest()}: the microphone measured in a quiet moment (the
 * floor) and while the speaker played a {@link #toneHz} sine. English details for the technician.
 *
 * @param problem     why nothing could be measured (no microphone data, device refused); empty when measured
 * @param floor       broadband level before the tone
 * @param withTone    broadband level while the tone played
 * @param toneFloorDb level at {@code toneHz} before the tone, dBFS RMS
 * @param toneDb      level at {@code toneHz} while the tone played, dBFS RMS
 */
public record AudioSelfTest(Optional<String> problem, AudioLevel floor, AudioLevel withTone, double toneHz,
                            double toneFloorDb, double toneDb, Duration took) {
    /** A live microphone's own noise is above this; all-zero samples read -100. */
    public static final double SILENCE_DB = -90;
    /** How much the broadband level must rise with the tone when the floor is digital silence. */
    public static final double MIN_RISE_DB = 10;
    /** How far the tone's frequency must rise above its floor to count as heard. */
    public static final double MIN_TONE_RISE_DB = 20;
    /** The least level at the tone's frequency that counts as heard. */
    public static final double MIN_TONE_DB = -70;

    public AudioSelfTest {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(withTone, "withTone");
        Objects.requireNonNull(took, "took");
    }

    static AudioSelfTest failed(String problem, double toneHz, Duration took) {
        AudioLevel none = new AudioLevel(AudioLevel.FLOOR_DB, AudioLevel.FLOOR_DB);
        return new AudioSelfTest(Optional.of(problem), none, none, toneHz, AudioLevel.FLOOR_DB, AudioLevel.FLOOR_DB, took);
    }

    /** The microphone gives sound above digital silence (its own noise, or the tone). */
    public boolean microphonePassed() {
        return problem.isEmpty() && (floor.rmsDb() > SILENCE_DB || withTone.rmsDb() - floor.rmsDb() >= MIN_RISE_DB);
    }

    public String microphoneDetail() {
        if (problem.isPresent()) return problem.get();
        String figures = String.format(Locale.ROOT, "floor %.1f dBFS RMS (peak %.1f), with the tone %.1f dBFS RMS (peak %.1f)",
                floor.rmsDb(), floor.peakDb(), withTone.rmsDb(), withTone.peakDb());
        return microphonePassed() ? figures : figures + ": digital silence, the microphone is muted, disconnected or at zero gain";
    }

    /** The speaker's tone reached the microphone: its frequency rose well above its floor. */
    public boolean toneHeard() {
        return problem.isEmpty() && toneDb >= MIN_TONE_DB && toneDb - toneFloorDb >= MIN_TONE_RISE_DB;
    }

    public String toneDetail() {
        if (problem.isPresent()) return problem.get();
        String figures = String.format(Locale.ROOT, "%.0f Hz at %.1f dBFS while playing vs %.1f dBFS before (%+.1f dB; needs +%.0f dB and at least %.0f dBFS)",
                toneHz, toneDb, toneFloorDb, toneDb - toneFloorDb, MIN_TONE_RISE_DB, MIN_TONE_DB);
        return toneHeard() ? figures : figures + ": the microphone did not hear the speaker (speaker off or too quiet, or far from the microphone)";
    }
}
