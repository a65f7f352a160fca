package vn.diemcau.appliance;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.diemcau.appliance.fleet.CommandHandler.CommandRejectedException;
import vn.diemcau.appliance.media.MediaEngine;

/**
 * The hub's snapshot command: a JPEG of the camera (from the running call, the warm pipeline or a
 * short capture, see {@link MediaEngine#snapshotJpeg()}), published on the SNAPSHOT channel with
 * the command id, then SUCCEEDED with its size. A box without a media engine rejects the command;
 * a camera that gives no picture fails it. The capture runs on its own short-lived thread.
 */
final class SnapshotCommand {

    private static final Logger log = LoggerFactory.getLogger(SnapshotCommand.class);

    /** A camera picture as JPEG; empty when the camera gave none in time. */
    interface Camera {
        Optional<byte[]> jpeg();
    }

    private final Optional<Camera> camera;
    private final BiConsumer<String, byte[]> publisher;
    private final Executor worker;

    /**
     * @param camera    the box's camera, empty when it runs without media
     * @param publisher sends (command id, JPEG) to the hub and returns once the hub has it; throws when it cannot
     */
    SnapshotCommand(Optional<Camera> camera, BiConsumer<String, byte[]> publisher) {
        this(camera, publisher, r -> {
            Thread t = new Thread(r, "snapshot");
            t.setDaemon(true);
            t.start();
        });
    }

    SnapshotCommand(Optional<Camera> camera, BiConsumer<String, byte[]> publisher, Executor worker) {
        this.camera = camera;
        this.publisher = publisher;
        this.worker = worker;
    }

    static Optional<Camera> of(Optional<MediaEngine> media) {
        return media.map(m -> m::snapshotJpeg);
    }

    /**
     * Starts taking and sending the picture.
     *
     * @throws CommandRejectedException when the box has no camera pipeline at all
     */
    CompletionStage<Map<String, Object>> take(String commandId) {
        Camera c = camera.orElseThrow(() -> new CommandRejectedException(
                "this box has no camera: it runs without media (conference kind none)"));
        Supplier<Map<String, Object>> work = () -> {
            long t0 = System.nanoTime();
            Optional<byte[]> shot;
            try {
                shot = c.jpeg();
            } catch (RuntimeException e) {
                throw new IllegalStateException("camera snapshot failed: " + e.getMessage(), e);
            }
            byte[] jpeg = shot.orElseThrow(() -> new IllegalStateException("the camera gave no picture in time"));
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            publisher.accept(commandId, jpeg);
            log.info("Snapshot {}: {} bytes taken in {} ms", commandId, jpeg.length, tookMs);
            return Map.of("bytes", jpeg.length, "captureMillis", tookMs);
        };
        return CompletableFuture.supplyAsync(work, worker);
    }
}
