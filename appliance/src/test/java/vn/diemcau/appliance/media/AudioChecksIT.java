package vn.diemcau.appliance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Microphone meter, test tone and audio self-test with real GStreamer and no sound card: the
 * test-only {@code loopback:<name>} speaker and microphone are the room's acoustics.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AudioChecksIT {

    private static MediaEngine engine(String mic, String speaker, boolean warm) {
        MediaEngine m = new MediaEngine(MediaSettings.testSources(0, 440).withSize(320, 180, 15).withAudio(mic, speaker).withKeepWarm(warm));
        m.start();
        return m;
    }

    @Test
    void selfTest_loopbackRoom_toneIsHeard() {
        try (MediaEngine m = engine("loopback:room-heard", "loopback:room-heard", true)) {
            await().atMost(Duration.ofSeconds(20)).until(m::warmReady);
            // Out of the test, the warm pipeline's meter reads the silent room.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(m.microphoneLevel()).hasValueSatisfying(l -> assertThat(l.rmsDb()).isEqualTo(AudioLevel.FLOOR_DB)));
            AudioSelfTest t = m.audioSelfTest();
            System.out.println("loopback self-test: " + t.microphoneDetail() + " | " + t.toneDetail() + " | took " + t.took().toMillis() + " ms");
            assertThat(t.problem()).isEmpty();
            assertThat(t.microphonePassed()).as(t.microphoneDetail()).isTrue();
            assertThat(t.toneHeard()).as(t.toneDetail()).isTrue();
            // The tone is -15 dBFS RMS; the loopback room adds nothing else.
            assertThat(t.toneDb()).isBetween(-17.0, -13.0);
            assertThat(t.toneFloorDb()).isLessThan(-80);
            assertThat(t.withTone().rmsDb()).isBetween(-17.0, -13.0);
            // The warm pipeline comes back after the test, and its meter with it.
            await().atMost(Duration.ofSeconds(20)).until(m::warmReady);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(m.microphoneLevel()).hasValueSatisfying(l -> assertThat(l.rmsDb()).isEqualTo(AudioLevel.FLOOR_DB)));
        }
    }

    @Test
    void selfTest_silentMicrophoneAndFakeSpeaker_toneNotHeard_withClearDetail() {
        try (MediaEngine m = engine("gst:audiotestsrc is-live=true wave=silence", "fake", false)) {
            AudioSelfTest t = m.audioSelfTest();
            System.out.println("silent self-test: " + t.microphoneDetail() + " | " + t.toneDetail());
            assertThat(t.problem()).isEmpty();
            assertThat(t.microphonePassed()).isFalse();
            assertThat(t.microphoneDetail()).contains("floor -100.0 dBFS", "digital silence");
            assertThat(t.toneHeard()).isFalse();
            assertThat(t.toneDetail()).startsWith("1000 Hz at -100.0 dBFS").contains("did not hear the speaker");
        }
    }

    @Test
    void microphoneLevel_sineAtHalfScale_readsMinus9RmsAndMinus6Peak_fromWarmPipelineAndFromIdleMeter() {
        String halfScale = "gst:audiotestsrc is-live=true wave=sine freq=440 volume=0.5";
        for (boolean warm : new boolean[] {true, false}) {
            try (MediaEngine m = engine(halfScale, "fake", warm)) {
                if (warm) await().atMost(Duration.ofSeconds(20)).until(m::warmReady);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(m.microphoneLevel()).hasValueSatisfying(l -> {
                    // 0.5 full scale: peak 20·log10(0.5) = -6.0 dBFS, RMS 3 dB lower.
                    assertThat(l.rmsDb()).as("warm " + warm).isBetween(-10.0, -8.0);
                    assertThat(l.peakDb()).as("warm " + warm).isBetween(-7.0, -5.0);
                }));
            }
        }
    }

    @Test
    void playTestTone_onLoopbackSpeaker_isWhatTheMeterReads_andTheMeterIsQuietBefore() {
        try (MediaEngine m = engine("loopback:room-tone", "loopback:room-tone", false)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(m.microphoneLevel()).hasValueSatisfying(l -> assertThat(l.rmsDb()).isEqualTo(AudioLevel.FLOOR_DB)));
            List<Double> during = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> tone = CompletableFuture.runAsync(m::playTestTone);
            // The tone is -15 dBFS RMS: a full 100 ms interval of it reads so.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
                Optional<AudioLevel> l = m.microphoneLevel();
                l.ifPresent(x -> during.add(x.rmsDb()));
                return l.isPresent() && l.get().rmsDb() > -17 && l.get().rmsDb() < -13;
            });
            tone.join();
            System.out.println("meter during the tone: " + during);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(m.microphoneLevel()).hasValueSatisfying(l -> assertThat(l.rmsDb()).isEqualTo(AudioLevel.FLOOR_DB)));
        }
    }
}
