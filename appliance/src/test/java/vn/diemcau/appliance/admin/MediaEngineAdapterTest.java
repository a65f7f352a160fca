package vn.diemcau.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device listing from a fake /dev, /sys and /proc tree; a box without media says so. */
class MediaEngineAdapterTest {
    @TempDir
    Path root;

    @Test
    void devices_listsCamerasCaptureAndPlaybackDevices() throws Exception {
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/video0"));
        Files.createFile(root.resolve("dev/video1"));
        Files.createFile(root.resolve("dev/null"));
        Files.createDirectories(root.resolve("sys/class/video4linux/video0"));
        Files.writeString(root.resolve("sys/class/video4linux/video0/name"), "Logitech C920\n");
        Files.createDirectories(root.resolve("proc/asound/card1"));
        Files.createDirectories(root.resolve("proc/asound/card0"));
        Files.createFile(root.resolve("proc/asound/card1/pcm0c"));
        Files.createFile(root.resolve("proc/asound/card0/pcm0p"));
        Files.writeString(root.resolve("proc/asound/cards"), """
                 0 [vc4hdmi0       ]: vc4-hdmi - vc4-hdmi-0
                                      vc4-hdmi-0
                 1 [C920           ]: USB-Audio - HD Pro Webcam C920
                                      HD Pro Webcam C920 at usb-xhci-hcd.1-1, high speed
                """);
        MediaEngineAdapter adapter = new MediaEngineAdapter(Optional.empty(), root);
        assertThat(adapter.devices()).containsExactly(
                new MediaPort.Device(MediaPort.DeviceKind.CAMERA, "v4l2:/dev/video0", "Logitech C920 (/dev/video0)"),
                new MediaPort.Device(MediaPort.DeviceKind.CAMERA, "v4l2:/dev/video1", "video1 (/dev/video1)"),
                new MediaPort.Device(MediaPort.DeviceKind.SPEAKER, "alsa:hw:0,0", "vc4-hdmi - vc4-hdmi-0 (hw:0,0)"),
                new MediaPort.Device(MediaPort.DeviceKind.MICROPHONE, "alsa:hw:1,0", "USB-Audio - HD Pro Webcam C920 (hw:1,0)"));
    }

    @Test
    void snapshot_withoutMedia_isNotAvailable() {
        MediaEngineAdapter adapter = new MediaEngineAdapter(Optional.empty(), root);
        assertThatThrownBy(adapter::snapshotJpeg).isInstanceOf(BoxConsole.NotAvailable.class);
        assertThatThrownBy(adapter::playTestTone).isInstanceOf(BoxConsole.NotAvailable.class);
    }
}
