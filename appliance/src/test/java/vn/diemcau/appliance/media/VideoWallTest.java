package vn.diemcau.appliance.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.diemcau.appliance.media.VideoWall.Tile;

class VideoWallTest {

    @Test
    void grid_oneFeed_fillsTheScreen() {
        assertThat(VideoWall.grid(1, 1280, 720)).containsExactly(new Tile(0, 0, 1280, 720));
    }

    @Test
    void grid_twoFeeds_sideBySide_keepTheAspectRatio_centredVertically() {
        assertThat(VideoWall.grid(2, 1280, 720)).containsExactly(new Tile(0, 180, 640, 360), new Tile(640, 180, 640, 360));
    }

    @Test
    void grid_threeAndFourFeeds_twoByTwo() {
        List<Tile> four = VideoWall.grid(4, 1280, 720);
        assertThat(four).containsExactly(new Tile(0, 0, 640, 360), new Tile(640, 0, 640, 360),
                new Tile(0, 360, 640, 360), new Tile(640, 360, 640, 360));
        assertThat(VideoWall.grid(3, 1280, 720)).containsExactlyElementsOf(four.subList(0, 3));
    }

    @Test
    void grid_manyFeeds_stayOnScreen_withoutOverlap() {
        for (int n = 1; n <= 16; n++) {
            List<Tile> tiles = VideoWall.grid(n, 1280, 720);
            assertThat(tiles).hasSize(n);
            for (Tile t : tiles) {
                assertThat(t.x()).isBetween(0, 1280 - t.width());
                assertThat(t.y()).isBetween(0, 720 - t.height());
                assertThat(t.width() % 2).isZero();
                assertThat(t.height() % 2).isZero();
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    Tile a = tiles.get(i);
                    Tile b = tiles.get(j);
                    boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                            || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                    assertThat(apart).as("tiles %d and %d of %d overlap", i, j, n).isTrue();
                }
            }
        }
        assertThat(VideoWall.grid(0, 1280, 720)).isEmpty();
    }

    @Test
    void tiledReceiveChain_endsInAPadForTheWall_andTheWallOutputInTheSink() {
        PipelineRecipe r = new PipelineRecipe(MediaSettings.testSources(0, 440), Set.of("x264enc")::contains,
                "videotestsrc is-live=true", "audiotestsrc is-live=true");
        assertThat(r.receiveChain("H264", VideoLayout.TILED)).endsWith("identity name=vmeter").doesNotContain("sink");
        assertThat(r.receiveChain("H264", VideoLayout.SINGLE)).endsWith("fakesink sync=false");
        assertThat(r.receiveChain("OPUS", VideoLayout.TILED)).isEqualTo(r.receiveChain("OPUS"));
        assertThat(r.wallOutput()).startsWith("capsfilter caps=video/x-raw,width=1280,height=720,framerate=30/1")
                .endsWith("fakesink sync=false async=false");
    }
}
