package vn.diemcau.appliance.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadLinkException;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TV in {@link VideoLayout#TILED} mode: a {@code compositor} tiling every played video in a
 * grid (re-laid out as feeds come and go) into the video sink. Built into the running call
 * pipeline on the first video stream. {@link #attach}/{@link #detach} may run on a streaming
 * thread (webrtcbin's pad-added) or the Gst thread; they are synchronized.
 */
final class VideoWall {
    private static final Logger log = LoggerFactory.getLogger(VideoWall.class);

    /** One tile's place on the screen, pixels. */
    record Tile(int x, int y, int width, int height) {
    }

    private final Pipeline pipeline;
    private final int width;
    private final int height;
    private final Element compositor;
    private final Bin output;
    private final Pad meterPad;
    private final Pad.PROBE onFrame;
    private final AtomicLong frames = new AtomicLong();
    private final List<Pad> tiles = new ArrayList<>();

    VideoWall(Pipeline pipeline, PipelineRecipe recipe, int width, int height) {
        this.pipeline = pipeline;
        this.width = width;
        this.height = height;
        compositor = ElementFactory.make("compositor", "wall");
        compositor.setAsString("background", "black");
        // Output from the first input's running time, not from 0: the call has been running a while.
        compositor.setAsString("start-time-selection", "first");
        output = GstRuntime.parseBin(recipe.wallOutput());
        pipeline.add(compositor);
        pipeline.add(output);
        try {
            compositor.getStaticPad("src").link(output.getStaticPad("sink"));
        } catch (PadLinkException e) {
            throw new MediaException("cannot link the video wall: " + e.getLinkResult(), e);
        }
        meterPad = output.getElementByName("wallmeter").getStaticPad("src");
        onFrame = (pad, info) -> {
            frames.incrementAndGet();
            return PadProbeReturn.OK;
        };
        meterPad.addProbe(PadProbeType.BUFFER, onFrame);
        output.syncStateWithParent();
        compositor.syncStateWithParent();
        log.info("Video wall on: {}x{} compositor", width, height);
    }

    /** A new tile for {@code src} (a decoded video); every tile is re-laid out. */
    synchronized Pad attach(Pad src) {
        Pad tile = compositor.getRequestPad("sink_%u");
        tiles.add(tile);
        layout();
        try {
            src.link(tile);
        } catch (PadLinkException e) {
            tiles.remove(tile);
            compositor.releaseRequestPad(tile);
            layout();
            throw new MediaException("cannot link a video to the wall: " + e.getLinkResult(), e);
        }
        return tile;
    }

    /** Unlinks {@code src} from its tile and gives the tile back; the others grow to fill the screen. */
    synchronized void detach(Pad src, Pad tile) {
        src.unlink(tile);
        if (tiles.remove(tile)) compositor.releaseRequestPad(tile);
        layout();
    }

    synchronized int tiles() {
        return tiles.size();
    }

    long framesRendered() {
        return frames.get();
    }

    private void layout() {
        List<Tile> grid = grid(tiles.size(), width, height);
        for (int i = 0; i < tiles.size(); i++) {
            Pad p = tiles.get(i);
            Tile t = grid.get(i);
            p.set("xpos", t.x());
            p.set("ypos", t.y());
            p.set("width", t.width());
            p.set("height", t.height());
        }
    }

    /**
     * {@code n} tiles of the screen's aspect ratio in a near-square grid (columns = ⌈√n⌉),
     * each centred in its cell; left to right, top to bottom.
     */
    static List<Tile> grid(int n, int width, int height) {
        List<Tile> out = new ArrayList<>();
        if (n <= 0) return out;
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        int cellW = width / cols;
        int cellH = height / rows;
        // Largest tile with the screen's aspect ratio that fits the cell, even sizes.
        int tileW = Math.min(cellW, (int) ((long) cellH * width / height)) & ~1;
        int tileH = Math.min(cellH, (int) ((long) tileW * height / width)) & ~1;
        for (int i = 0; i < n; i++) {
            int col = i % cols;
            int row = i / cols;
            out.add(new Tile(col * cellW + (cellW - tileW) / 2, row * cellH + (cellH - tileH) / 2, tileW, tileH));
        }
        return out;
    }

    /** Releases the wall; the pipeline must already be in NULL. */
    void dispose() {
        meterPad.removeProbe(onFrame);
        synchronized (this) {
            for (Pad t : tiles) compositor.releaseRequestPad(t);
            tiles.clear();
        }
        output.setState(State.NULL);
        compositor.setState(State.NULL);
        pipeline.remove(output);
        pipeline.remove(compositor);
        output.dispose();
        compositor.dispose();
    }
}
