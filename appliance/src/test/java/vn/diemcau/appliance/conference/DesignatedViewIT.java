package vn.diemcau.appliance.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
 * The session designates which feeds a box plays, over the box's own config: in a real Janus room
 * with the centre and a second box already publishing, a box configured for the centre only
 * tiles every other feed when its join says ALL (and keeps doing so after a rejoin); a box
 * configured for all rooms plays only the centre when its join says CENTRE; and a join naming
 * another centre plays that feed as the centre.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class DesignatedViewIT {
    static final long ROOM = 2468;
    static final String CENTRE = "Trung tâm tiếp dân tỉnh";
    static final String OTHER = "Xã Bình Minh";

    @TempDir
    static Path dir;
    static JanusFixture janus;
    static MediaEngine boxMedia;
    static MediaEngine centreMedia;
    static MediaEngine otherMedia;
    static JanusConference centre;
    static JanusConference other;

    @BeforeAll
    static void start() {
        janus = new JanusFixture(dir, ROOM + ":Phiên tiếp dân").start();
        boxMedia = JanusFixture.smallEngine(18, 440);
        centreMedia = JanusFixture.smallEngine(0, 660);
        otherMedia = JanusFixture.smallEngine(24, 880);
        await().atMost(Duration.ofSeconds(40)).until(() -> boxMedia.warmReady() && centreMedia.warmReady() && otherMedia.warmReady());
        centre = new JanusConference(centreMedia, options());
        other = new JanusConference(otherMedia, options());
        join(centre, request(CENTRE), new RecordingListener());
        join(other, request(OTHER), new RecordingListener());
    }

    @AfterAll
    static void stop() {
        JanusFixture.closeAll(centre, other, boxMedia, centreMedia, otherMedia, janus);
    }

    private static JanusOptions options() {
        return JanusOptions.defaults().withRejoin(false, Duration.ofMillis(100), Duration.ofMillis(100));
    }

    private static JoinRequest request(String display) {
        return new JoinRequest(janus.api(), Long.toString(ROOM), "", display);
    }

    private static void join(JanusConference c, JoinRequest r, RecordingListener events) {
        c.join(r, events);
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.joins.isEmpty() || !events.failures.isEmpty());
        assertThat(events.failures).as(r.displayName() + " joins").isEmpty();
    }

    private static void assertPlaysTiled(MediaCall call, long... feeds) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(call.feeds()).extracting(FeedPlayback::feed).containsExactlyInAnyOrder(box(feeds));
            assertThat(call.feeds()).allSatisfy(f -> assertThat(f.videoFrames()).as("video of feed %d", f.feed()).isGreaterThan(15));
            assertThat(call.wallTiles()).isEqualTo(feeds.length);
            assertThat(call.wallFrames()).isGreaterThan(15);
        });
    }

    /** Plays exactly {@code feed}, full screen: once its frames flow, every feed the join found has been considered. */
    private static void assertPlaysOnly(MediaCall call, long feed) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(call.feeds()).extracting(FeedPlayback::feed).containsExactly(feed);
            assertThat(call.feeds().getFirst().videoFrames()).isGreaterThan(15);
            assertThat(call.feeds().getFirst().audioBuffers()).isGreaterThan(10);
        });
        assertThat(call.wallTiles()).isZero();
    }

    private static Long[] box(long... feeds) {
        Long[] out = new Long[feeds.length];
        for (int i = 0; i < feeds.length; i++) out[i] = feeds[i];
        return out;
    }

    @Test
    void centreOnlyConfig_joinSayingAll_tilesEveryOtherFeed_andARejoinKeepsIt() {
        RecordingListener events = new RecordingListener();
        try (JanusConference box = new JanusConference(boxMedia, options())) {
            join(box, request("Xã An Phú").withView(JoinRequest.View.ALL), events);
            MediaCall first = box.mediaCall().orElseThrow();
            assertPlaysTiled(first, centre.ownFeed(), other.ownFeed());

            // Restart media: the call is rebuilt and rejoined with the same designation.
            box.restartMedia();
            await().atMost(Duration.ofSeconds(20)).until(() -> events.joins.size() == 2 || !events.failures.isEmpty());
            assertThat(events.failures).isEmpty();
            MediaCall second = box.mediaCall().orElseThrow();
            assertThat(second).isNotSameAs(first);
            assertPlaysTiled(second, centre.ownFeed(), other.ownFeed());
        }
    }

    @Test
    void allRoomsConfig_joinSayingCentre_playsOnlyTheCentre() {
        try (JanusConference box = new JanusConference(boxMedia, options().withPlayAll(true))) {
            join(box, request("Xã An Phú").withView(JoinRequest.View.CENTRE), new RecordingListener());
            assertPlaysOnly(box.mediaCall().orElseThrow(), centre.ownFeed());
        }
    }

    @Test
    void allRoomsConfig_joinWithoutView_stillTilesEveryFeed() {
        try (JanusConference box = new JanusConference(boxMedia, options().withPlayAll(true))) {
            join(box, request("Xã An Phú"), new RecordingListener());
            assertPlaysTiled(box.mediaCall().orElseThrow(), centre.ownFeed(), other.ownFeed());
        }
    }

    @Test
    void joinNamingAnotherCentre_playsThatFeedOnly() {
        JoinRequest r = new JoinRequest(janus.api(), Long.toString(ROOM), "", "Xã An Phú", Optional.of(JoinRequest.View.CENTRE),
                Optional.of("Xã Bình"));
        try (JanusConference box = new JanusConference(boxMedia, options())) {
            join(box, r, new RecordingListener());
            assertPlaysOnly(box.mediaCall().orElseThrow(), other.ownFeed());
        }
    }
}
