package vn.diemcau.appliance.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.appliance.media.PlaybackCounters;

/**
 * Muting the box in a real Janus VideoRoom: what the centre plays of the box goes silent while the
 * audio stream keeps flowing, and comes back when unmuted.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JanusMuteIT {
    static final long ROOM = 4321;

    @TempDir
    static Path dir;
    static JanusFixture janus;
    static MediaEngine boxMedia;
    static MediaEngine centreMedia;

    @BeforeAll
    static void startJanus() {
        janus = new JanusFixture(dir, ROOM + ":Phiên tiếp dân").start();
        boxMedia = JanusFixture.smallEngine(18, 440);
        centreMedia = JanusFixture.smallEngine(0, 880);
        await().atMost(Duration.ofSeconds(30)).until(() -> boxMedia.warmReady() && centreMedia.warmReady());
    }

    @AfterAll
    static void stopJanus() {
        JanusFixture.closeAll(boxMedia, centreMedia, janus);
    }

    private static JoinRequest request(String display) {
        return new JoinRequest(janus.api(), Long.toString(ROOM), "", display);
    }

    @Test
    void muted_boxIsSilentAtTheCentre_butItsAudioKeepsFlowing_andUnmuteBringsItBack() {
        RecordingListener boxEvents = new RecordingListener();
        RecordingListener centreEvents = new RecordingListener();
        JanusOptions noRejoin = JanusOptions.defaults().withRejoin(false, Duration.ofMillis(100), Duration.ofMillis(100));
        try (JanusConference box = new JanusConference(boxMedia, noRejoin);
             JanusConference centre = new JanusConference(centreMedia, noRejoin.withPlayAll(true))) {
            box.join(request("Xã An Phú"), boxEvents);
            await().atMost(Duration.ofSeconds(20)).until(() -> !boxEvents.joins.isEmpty() || !boxEvents.failures.isEmpty());
            assertThat(boxEvents.failures).isEmpty();
            centre.join(request("Trung tâm tiếp dân tỉnh"), centreEvents);
            await().atMost(Duration.ofSeconds(20)).until(() -> !centreEvents.joins.isEmpty() || !centreEvents.failures.isEmpty());
            assertThat(centreEvents.failures).isEmpty();

            // The box's 440 Hz tone (-10 dBFS peak) plays at the centre.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(atCentre(centre).loudAudioBuffers()).isGreaterThan(20));

            box.setMuted(true);
            // Silence arrives within the jitter buffer's and Opus's delay; then nothing loud at all...
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> atCentre(centre).lastPeakDbfs() < -60);
            PlaybackCounters silent = atCentre(centre);
            // ...for 1.5 s while decoded audio keeps arriving (the stream flows, only silent).
            await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                PlaybackCounters now = atCentre(centre);
                assertThat(now.audioBuffers()).isGreaterThan(silent.audioBuffers() + 30);
                assertThat(now.loudAudioBuffers()).isEqualTo(silent.loudAudioBuffers());
                assertThat(now.lastPeakDbfs()).isLessThan(-60);
            });
            System.out.printf("muted: centre played %d buffers, last peak %.1f dBFS, none loud%n",
                    atCentre(centre).audioBuffers() - silent.audioBuffers(), atCentre(centre).lastPeakDbfs());

            box.setMuted(false);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(atCentre(centre).loudAudioBuffers()).isGreaterThan(silent.loudAudioBuffers() + 20));
            assertThat(boxEvents.failures).isEmpty();
            box.leave();
            centre.leave();
        }
    }

    private static PlaybackCounters atCentre(JanusConference centre) {
        return centre.mediaCall().orElseThrow().playback();
    }
}
