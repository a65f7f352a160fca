package vn.diemcau.appliance.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import vn.diemcau.appliance.media.FeedPlayback;
import vn.diemcau.appliance.media.MediaCall;
import vn.diemcau.appliance.media.MediaEngine;

/**
 * Three publishers in a real Janus room: a box in "all rooms" mode (playAll), the centre and a
 * second box in the default mode. The all-rooms box decodes both others and tiles them on its
 * video wall; the default box plays only the centre. When the second box leaves, the all-rooms
 * box releases that feed's webrtcbin and decode chains while the call goes on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AllRoomsIT {
    static final long ROOM = 4321;
    static final String CENTRE = "Trung tâm tiếp dân tỉnh";

    @TempDir
    static Path dir;
    static JanusFixture janus;
    static MediaEngine allMedia;
    static MediaEngine centreMedia;
    static MediaEngine otherMedia;

    @BeforeAll
    static void start() {
        janus = new JanusFixture(dir, ROOM + ":Tất cả các xã").start();
        allMedia = JanusFixture.smallEngine(18, 440);
        centreMedia = JanusFixture.smallEngine(0, 660);
        otherMedia = JanusFixture.smallEngine(24, 880);
        await().atMost(Duration.ofSeconds(40)).until(() -> allMedia.warmReady() && centreMedia.warmReady() && otherMedia.warmReady());
    }

    @AfterAll
    static void stop() {
        JanusFixture.closeAll(allMedia, centreMedia, otherMedia, janus);
    }

    private static JanusOptions options() {
        return JanusOptions.defaults().withRejoin(false, Duration.ofMillis(100), Duration.ofMillis(100));
    }

    private static void join(JanusConference c, String display, RecordingListener events) {
        c.join(new JoinRequest(janus.api(), Long.toString(ROOM), "", display), events);
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.joins.isEmpty() || !events.failures.isEmpty());
        assertThat(events.failures).as(display + " joins").isEmpty();
    }

    @Test
    void allRoomsBox_decodesAndTilesBothOthers_defaultBoxOnlyTheCentre_aLeavingFeedIsReleased() {
        RecordingListener allEvents = new RecordingListener();
        try (JanusConference all = new JanusConference(allMedia, options().withPlayAll(true));
             JanusConference centre = new JanusConference(centreMedia, options());
             JanusConference other = new JanusConference(otherMedia, options())) {
            join(centre, CENTRE, new RecordingListener());
            join(other, "Xã Bình Minh", new RecordingListener());
            join(all, "Xã An Phú", allEvents);
            long centreFeed = centre.ownFeed();
            long otherFeed = other.ownFeed();
            MediaCall box = all.mediaCall().orElseThrow();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<FeedPlayback> feeds = box.feeds();
                assertThat(feeds).extracting(FeedPlayback::feed).containsExactlyInAnyOrder(centreFeed, otherFeed);
                assertThat(feeds).allSatisfy(f -> {
                    assertThat(f.videoFrames()).as("video of feed %d", f.feed()).isGreaterThan(15);
                    assertThat(f.audioBuffers()).as("audio of feed %d", f.feed()).isGreaterThan(10);
                });
                assertThat(box.wallTiles()).isEqualTo(2);
                assertThat(box.wallFrames()).isGreaterThan(15);
            });
            // The default box (centre only) plays just the centre, not the all-rooms box.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(other.mediaCall().orElseThrow().feeds()).extracting(FeedPlayback::feed).containsExactly(centreFeed));
            assertThat(other.mediaCall().orElseThrow().wallTiles()).isZero();

            int elementsWithTwoFeeds = box.pipelineElements();
            other.leave();

            // Janus reports the publisher gone; its webrtcbin and both decode chains leave the pipeline.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(box.feeds()).extracting(FeedPlayback::feed).containsExactly(centreFeed);
                assertThat(box.wallTiles()).isEqualTo(1);
                assertThat(box.pipelineElements()).isEqualTo(elementsWithTwoFeeds - 3);
            });
            // The call goes on: the centre still plays, the wall still renders.
            long centreFrames = box.feeds().getFirst().videoFrames();
            long wallFrames = box.wallFrames();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(box.feeds().getFirst().videoFrames()).isGreaterThan(centreFrames + 10);
                assertThat(box.wallFrames()).isGreaterThan(wallFrames + 10);
            });
            assertThat(allEvents.failures).isEmpty();

            centre.leave();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(box.feeds()).isEmpty();
                assertThat(box.wallTiles()).isZero();
                assertThat(box.pipelineElements()).isEqualTo(elementsWithTwoFeeds - 6);
            });
            assertThat(janus.participants(ROOM)).containsExactly("Xã An Phú");
        }
    }
}
