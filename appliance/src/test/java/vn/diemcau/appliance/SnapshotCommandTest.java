package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import vn.diemcau.appliance.fleet.CommandHandler.CommandRejectedException;

class SnapshotCommandTest {

    record Sent(String id, byte[] jpeg) {
    }

    final List<Sent> sent = new ArrayList<>();

    SnapshotCommand command(Optional<SnapshotCommand.Camera> camera) {
        return new SnapshotCommand(camera, (id, jpeg) -> sent.add(new Sent(id, jpeg)), Runnable::run);
    }

    @Test
    void picture_isPublishedWithTheCommandId_thenSucceedsWithItsSize() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        Map<String, Object> result = command(Optional.of(() -> Optional.of(jpeg))).take("cmd-1").toCompletableFuture().join();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("cmd-1");
            assertThat(s.jpeg()).isEqualTo(jpeg);
        });
        assertThat(result).containsEntry("bytes", 7);
    }

    @Test
    void noMedia_isRejectedBeforeStarting() {
        assertThatThrownBy(() -> command(Optional.empty()).take("cmd-2"))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("no camera");
        assertThat(sent).isEmpty();
    }

    @Test
    void cameraWithoutPicture_fails_andNothingIsPublished() {
        CompletableFuture<Map<String, Object>> f = command(Optional.of(Optional::empty)).take("cmd-3").toCompletableFuture();
        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).hasMessageContaining("no picture");
        assertThat(sent).isEmpty();
    }

    @Test
    void cameraError_failsNamingTheCause() {
        CompletableFuture<Map<String, Object>> f = command(Optional.of(() -> {
            throw new IllegalStateException("MediaEngine not started");
        })).take("cmd-4").toCompletableFuture();
        assertThatThrownBy(f::join).hasMessageContaining("camera snapshot failed: MediaEngine not started");
    }

    @Test
    void hubUnreachable_failsTheCommand() {
        SnapshotCommand c = new SnapshotCommand(Optional.of(() -> Optional.of(new byte[] {1})), (id, jpeg) -> {
            throw new IllegalStateException("hub not connected; snapshot not sent");
        }, Runnable::run);
        assertThatThrownBy(() -> c.take("cmd-5").toCompletableFuture().join()).hasMessageContaining("hub not connected");
    }
}
