package vn.diemcau.simulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The JPEG a simulated box answers a Snapshot command with: a 160×90 test card, made once. */
final class SnapshotImage {
    private static final byte[] JPEG = render();

    private SnapshotImage() {
    }

    static byte[] jpeg() {
        return JPEG.clone();
    }

    private static byte[] render() {
        BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Color[] bars = {Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA, Color.RED, Color.BLUE};
        for (int i = 0; i < bars.length; i++) {
            g.setColor(bars[i]);
            g.fillRect(i * 160 / bars.length, 0, 160 / bars.length + 1, 90);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the snapshot test card", e);
        }
        return out.toByteArray();
    }
}
