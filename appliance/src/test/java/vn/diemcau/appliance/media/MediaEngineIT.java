package vn.diemcau.appliance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The media engine on its own (no conference): snapshots, the idle slate, the call pipeline's offer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MediaEngineIT {
    static MediaEngine media;

    @BeforeAll
    static void start() {
        media = new MediaEngine(MediaSettings.testSources(0, 440).withSize(640, 360, 30));
        media.start();
    }

    @AfterAll
    static void stop() {
        media.close();
    }

    private static void assertJpeg(Optional<byte[]> jpeg) {
        assertThat(jpeg).isPresent();
        byte[] b = jpeg.get();
        assertThat(b.length).isGreaterThan(1000);
        assertThat(b[0] & 0xff).isEqualTo(0xff);
        assertThat(b[1] & 0xff).isEqualTo(0xd8);
        assertThat(b[b.length - 2] & 0xff).isEqualTo(0xff);
        assertThat(b[b.length - 1] & 0xff).isEqualTo(0xd9);
    }

    @Test
    void snapshotJpeg_outOfCall_takesItFromTheWarmPipeline() {
        assertJpeg(media.snapshotJpeg());
    }

    @Test
    void snapshotJpeg_outOfCallWithoutWarmPipeline_capturesBriefly() {
        try (MediaEngine cold = new MediaEngine(MediaSettings.testSources(1, 440).withSize(320, 180, 15).withKeepWarm(false))) {
            cold.start();
            assertJpeg(cold.snapshotJpeg());
        }
    }

    @Test
    void openCall_startsCapture_offersH264AndOpus_andSnapshotsFromTheRunningPipeline() {
        List<String> offers = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        CallSignals signals = new CallSignals() {
            @Override
            public void publisherOffer(String sdp) {
                offers.add(sdp);
            }

            @Override
            public void publisherCandidate(int mlineIndex, String candidate) {
            }

            @Override
            public void subscriberAnswer(long feed, String sdp) {
            }

            @Override
            public void subscriberCandidate(long feed, int mlineIndex, String candidate) {
            }

            @Override
            public void mediaFailed(String reason) {
                failures.add(reason);
            }
        };
        try (MediaCall call = media.openCall(signals)) {
            call.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> !offers.isEmpty());
            // Pitfall 1: every m-line of the offer carries its SSRC.
            assertThat(offers.get(0)).contains("H264/90000", "OPUS/48000");
            assertThat(offers.get(0).split("a=ssrc:").length).isGreaterThan(2);
            assertThat(call.encodedFrames()).isPositive();
            assertJpeg(media.snapshotJpeg());
            assertThat(failures).isEmpty();
        }
        assertThat(media.snapshotJpeg()).isPresent();
    }

    @Test
    void idleScreen_show_rendersFrames_andUpdates_andHides() {
        IdleScreen idle = media.idleScreen();
        idle.show(new IdleInfo("Xã An Phú", "Đã kết nối trung tâm / Connected to hub", Optional.of("14:00 Tiếp dân")));
        long start = idle.framesRendered();
        await().atMost(Duration.ofSeconds(5)).until(() -> idle.framesRendered() > start + 5);
        idle.show(new IdleInfo("Xã An Phú", "Mất kết nối trung tâm / Hub offline", Optional.empty()));
        long after = idle.framesRendered();
        await().atMost(Duration.ofSeconds(5)).until(() -> idle.framesRendered() > after + 3);
        assertThat(idle.showing()).isTrue();
        idle.hide();
        assertThat(idle.showing()).isFalse();
    }
}
