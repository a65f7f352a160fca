package vn.diemcau.appliance.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.appliance.media.MediaSettings;

/** Janus killed in the middle of a call, then restarted: the box reports it and rejoins by itself. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JanusRestartIT {
    static final long ROOM = 4321;

    @Test
    void janusKilledMidCall_boxReportsRetryableFailure_andRejoinsAfterRestart(@TempDir Path dir) {
        RecordingListener events = new RecordingListener();
        MediaSettings settings = MediaSettings.testSources(18, 440).withSize(640, 360, 30)
                .withIceAddresses(List.of(JanusFixture.ICE_ADDRESS));
        try (JanusFixture janus = new JanusFixture(dir, ROOM + ":Phiên khởi động lại").start();
             MediaEngine media = new MediaEngine(settings)) {
            media.start();
            await().atMost(Duration.ofSeconds(30)).until(media::warmReady);
            JanusOptions options = JanusOptions.defaults()
                    .withRejoin(true, Duration.ofMillis(200), Duration.ofMillis(800));
            try (JanusConference box = new JanusConference(media, options)) {
                box.join(new JoinRequest(janus.api(), Long.toString(ROOM), "", "Xã Kiên Trì"), events);
                await().atMost(Duration.ofSeconds(20)).until(() -> events.joins.size() == 1);
                assertThat(events.failures).isEmpty();

                janus.kill();
                await().atMost(Duration.ofSeconds(10)).until(() -> !events.failures.isEmpty());
                assertThat(events.failures.get(0).retryable()).isTrue();
                assertThat(events.failures.get(0).reason()).contains("conference server");

                janus.start();
                await().atMost(Duration.ofSeconds(25)).until(() -> events.joins.size() == 2);
                assertThat(janus.participants(ROOM)).containsExactly("Xã Kiên Trì");
                await().atMost(Duration.ofSeconds(10)).until(() -> box.mediaCall().orElseThrow().encodedFrames() > 10);

                box.leave();
                await().atMost(Duration.ofSeconds(10)).until(() -> events.lefts.size() == 1);
                assertThat(janus.participants(ROOM)).isEmpty();
            }
        }
    }
}
