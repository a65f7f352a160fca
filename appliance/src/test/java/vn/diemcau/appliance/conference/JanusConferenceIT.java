package vn.diemcau.appliance.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.appliance.call.JoinRequest;
import vn.diemcau.appliance.media.MediaEngine;
import vn.diemcau.appliance.media.MediaSettings;
import vn.diemcau.appliance.media.PlaybackCounters;

/** A box and the centre in a real Janus VideoRoom, with GStreamer test sources and fake sinks. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JanusConferenceIT {
    static final long ROOM = 1234;
    static final long PIN_ROOM = 5678;
    static final String PIN = "2468";

    @TempDir
    static Path dir;
    static JanusFixture janus;
    static MediaEngine boxMedia;
    static MediaEngine centreMedia;

    @BeforeAll
    static void startJanus() {
        janus = new JanusFixture(dir, ROOM + ":Phiên tiếp dân", PIN_ROOM + ":Phòng có PIN:" + PIN).start();
        boxMedia = new MediaEngine(MediaSettings.testSources(18, 440).withSize(640, 360, 30).withIceAddresses(List.of(JanusFixture.ICE_ADDRESS)));
        boxMedia.start();
        centreMedia = new MediaEngine(MediaSettings.testSources(0, 880).withSize(640, 360, 30).withIceAddresses(List.of(JanusFixture.ICE_ADDRESS)));
        centreMedia.start();
        // Joins in these tests start from a warm box, as in production (the first offer in a
        // process also generates webrtcbin's DTLS certificate, seconds on a loaded machine).
        await().atMost(Duration.ofSeconds(30)).until(() -> boxMedia.warmReady() && centreMedia.warmReady());
    }

    @AfterAll
    static void stopJanus() {
        JanusFixture.closeAll(boxMedia, centreMedia, janus);
    }

    private static JoinRequest request(long room, String pin, String display) {
        return new JoinRequest(janus.api(), Long.toString(room), pin, display);
    }

    private static JanusOptions noRejoin() {
        return JanusOptions.defaults().withRejoin(false, Duration.ofMillis(100), Duration.ofMillis(100));
    }

    @Test
    void boxAndCentre_inPinRoom_seeAndHearEachOther_andLeavingRemovesTheBox() {
        RecordingListener boxEvents = new RecordingListener();
        RecordingListener centreEvents = new RecordingListener();
        try (JanusConference box = new JanusConference(boxMedia, noRejoin());
             JanusConference centre = new JanusConference(centreMedia, noRejoin().withPlayAll(true))) {
            box.join(request(PIN_ROOM, PIN, "Xã An Phú"), boxEvents);
            await().atMost(Duration.ofSeconds(20)).until(() -> !boxEvents.joins.isEmpty() || !boxEvents.failures.isEmpty());
            assertThat(boxEvents.failures).isEmpty();
            assertThat(boxEvents.joins.get(0)).isPositive().isLessThan(Duration.ofSeconds(10));

            centre.join(request(PIN_ROOM, PIN, "Trung tâm tiếp dân tỉnh"), centreEvents);
            await().atMost(Duration.ofSeconds(20)).until(() -> !centreEvents.joins.isEmpty() || !centreEvents.failures.isEmpty());
            assertThat(centreEvents.failures).isEmpty();

            // The centre plays the box; the box plays the centre (display name starts with "Trung tâm").
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                PlaybackCounters atCentre = centre.mediaCall().orElseThrow().playback();
                PlaybackCounters atBox = box.mediaCall().orElseThrow().playback();
                assertThat(atCentre.videoFrames()).isGreaterThan(15);
                assertThat(atCentre.loudAudioBuffers()).isGreaterThan(10);
                assertThat(atBox.videoFrames()).isGreaterThan(15);
                assertThat(atBox.loudAudioBuffers()).isGreaterThan(10);
            });
            assertThat(janus.participants(PIN_ROOM)).contains("Xã An Phú", "Trung tâm tiếp dân tỉnh");
            assertThat(box.stats()).isPresent();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(box.stats()).hasValueSatisfying(s -> {
                        // Non-zero figures prove stats flow; exact values depend on the machine's load.
                        assertThat(s.outgoingBitrateKbps()).isGreaterThan(10);
                        assertThat(s.outgoingFps()).isGreaterThan(1);
                        assertThat(s.packetLossPercent()).isBetween(0.0, 100.0);
                        assertThat(s.roundTripMs()).isGreaterThanOrEqualTo(0);
                    }));

            box.leave();
            await().atMost(Duration.ofSeconds(10)).until(() -> !boxEvents.lefts.isEmpty());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(janus.participants(PIN_ROOM)).containsExactly("Trung tâm tiếp dân tỉnh"));
            assertThat(box.mediaCall()).isEmpty();
        }
    }

    @Test
    void join_withWrongPin_failsQuicklyAndNotRetryable() {
        RecordingListener events = new RecordingListener();
        try (JanusConference box = new JanusConference(boxMedia, JanusOptions.defaults())) {
            box.join(request(PIN_ROOM, "0000", "Xã Sai PIN"), events);
            // A clear answer from the join reply, well before the 10 s media timeout could fire.
            await().atMost(Duration.ofSeconds(8)).until(() -> !events.failures.isEmpty());
            assertThat(events.failures).containsExactly(new RecordingListener.Failure("wrong room PIN", false));
            assertThat(events.joins).isEmpty();
            assertThat(janus.participants(PIN_ROOM)).doesNotContain("Xã Sai PIN");
        }
    }

    @Test
    void join_unknownRoom_failsNotRetryable() {
        RecordingListener events = new RecordingListener();
        try (JanusConference box = new JanusConference(boxMedia, JanusOptions.defaults())) {
            box.join(request(999, "", "Xã Không Phòng"), events);
            await().atMost(Duration.ofSeconds(8)).until(() -> !events.failures.isEmpty());
            assertThat(events.failures).containsExactly(new RecordingListener.Failure("room not found", false));
        }
    }

    @Test
    void join_unreachableServer_failsRetryable() {
        RecordingListener events = new RecordingListener();
        try (JanusConference box = new JanusConference(boxMedia, noRejoin())) {
            URI nowhere = URI.create("http://127.0.0.1:" + JanusFixture.freePort() + "/janus");
            box.join(new JoinRequest(nowhere, "1234", "", "Xã Mất Mạng"), events);
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.failures.isEmpty());
            assertThat(events.failures.get(0).retryable()).isTrue();
            assertThat(events.failures.get(0).reason()).startsWith("conference server unreachable");
        }
    }
}
