package vn.diemcau.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.diemcau.protocol.Peripherals;

class PeripheralProbeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Peripherals probe(String video, String audio, String sink) {
        ObjectNode media = JSON.createObjectNode();
        if (video != null) media.put("videoSource", video);
        if (audio != null) media.put("audioSource", audio);
        if (sink != null) media.put("audioSink", sink);
        return new PeripheralProbe(root, media).probe();
    }

    @Test
    void autoNeedsAKernelDevice() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        assertThat(probe(null, null, null)).isEqualTo(new Peripherals(false, false, false));

        Files.createFile(root.resolve("dev/video0"));
        Files.createDirectories(root.resolve("proc/asound"));
        Files.writeString(root.resolve("proc/asound/pcm"), "00-00: USB Audio : USB Audio : playback 1 : capture 1\n");
        assertThat(probe("auto", "auto", "auto")).isEqualTo(new Peripherals(true, true, true));
    }

    @Test
    void aNamedDeviceMustExistItself() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/video0"));
        Files.createDirectories(root.resolve("proc/asound/card0"));
        Files.writeString(root.resolve("proc/asound/pcm"), "00-00: HDMI : HDMI : playback 1 : capture 1\n");

        assertThat(probe("v4l2:/dev/video2", "alsa:hw:1,0", "alsa:plughw:CARD=Device,DEV=0"))
                .as("video2, card 1 and card 'Device' are not there").isEqualTo(new Peripherals(false, false, false));

        Files.createFile(root.resolve("dev/video2"));
        Files.createDirectories(root.resolve("proc/asound/card1"));
        Files.createSymbolicLink(root.resolve("proc/asound/Device"), root.resolve("proc/asound/card1"));
        assertThat(probe("v4l2:/dev/video2", "alsa:hw:1,0", "alsa:plughw:CARD=Device,DEV=0"))
                .isEqualTo(new Peripherals(true, true, true));
    }

    @Test
    void syntheticSourcesTheTechnicianChoseArePresent() {
        assertThat(probe("test", "test", "fake")).isEqualTo(new Peripherals(true, true, true));
        assertThat(probe("gst:videotestsrc", "loopback:room", "loopback:room")).isEqualTo(new Peripherals(true, true, true));
    }
}
