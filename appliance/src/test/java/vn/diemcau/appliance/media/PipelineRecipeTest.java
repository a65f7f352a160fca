package vn.diemcau.appliance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineRecipeTest {
    private static PipelineRecipe recipe(MediaSettings s, Set<String> elements) {
        return new PipelineRecipe(s, elements::contains, "videotestsrc is-live=true", "audiotestsrc is-live=true");
    }

    @Test
    void encoder_auto_prefersHardwareThenX264ThenOpenh264ThenVp8() {
        MediaSettings s = MediaSettings.testSources(0, 440);
        assertThat(recipe(s, Set.of("v4l2h264enc", "x264enc")).encoder().name()).isEqualTo("v4l2h264enc");
        assertThat(recipe(s, Set.of("x264enc", "openh264enc")).encoder().name()).isEqualTo("x264enc");
        assertThat(recipe(s, Set.of("openh264enc", "vp8enc")).encoder().name()).isEqualTo("openh264enc");
        assertThat(recipe(s, Set.of("vp8enc")).encoder().h264()).isFalse();
        assertThatThrownBy(() -> recipe(s, Set.of()).encoder()).isInstanceOf(MediaException.class)
                .hasMessageContaining("no usable video encoder");
    }

    @Test
    void encoder_v4l2_setsLevelInCaps_x264_isUltrafastZerolatency() {
        MediaSettings s = MediaSettings.testSources(0, 440);
        assertThat(recipe(s, Set.of("v4l2h264enc")).encoder().encodeChain()).contains("level=(string)4");
        assertThat(recipe(s, Set.of("x264enc")).encoder().encodeChain())
                .contains("speed-preset=ultrafast", "tune=zerolatency", "bitrate=1500");
    }

    @Test
    void callPipeline_withEchoElements_putsDspOnMicAndProbeOnSpeaker() {
        String p = recipe(MediaSettings.testSources(0, 440), Set.of("x264enc", "webrtcdsp", "webrtcechoprobe")).callPipeline();
        assertThat(p).contains("webrtcdsp probe=diemcau-echo", "webrtcechoprobe name=diemcau-echo",
                "webrtcbin name=pub bundle-policy=max-bundle latency=50", "width=1280,height=720,framerate=30/1");
    }

    @Test
    void callPipeline_withoutEchoElements_skipsThem() {
        String p = recipe(MediaSettings.testSources(0, 440), Set.of("x264enc")).callPipeline();
        assertThat(p).doesNotContain("webrtcdsp", "webrtcechoprobe");
    }

    @Test
    void receiveChain_usesExplicitDecoders() {
        PipelineRecipe r = recipe(MediaSettings.testSources(0, 440), Set.of("x264enc"));
        assertThat(r.receiveChain("H264")).contains("rtph264depay", "avdec_h264", "fakesink");
        assertThat(r.receiveChain("VP8")).contains("rtpvp8depay ! vp8dec");
        assertThat(r.receiveChain("OPUS")).contains("rtpopusdepay ! opusdec");
    }

    @Test
    void settings_rejectBadValues() {
        MediaSettings d = MediaSettings.defaults();
        assertThatThrownBy(() -> d.withSize(1281, 720, 30)).hasMessageContaining("width");
        assertThatThrownBy(() -> d.withEncoder("nvenc")).hasMessageContaining("nvenc");
        assertThatThrownBy(() -> new MediaSettings("v4l2:/dev/video0 ! x", "auto", 0, 440, 1280, 720, 30, 1500, "auto",
                true, "auto", "auto", java.time.Duration.ofMillis(50), java.util.List.of(), true)).hasMessageContaining("single element");
        assertThat(DeviceChoice.named("v4l2:/dev/video2")).isEqualTo("v4l2src device=\"/dev/video2\"");
        assertThat(DeviceChoice.named("alsa:hw:1,0")).isEqualTo("alsasrc device=\"hw:1,0\"");
    }

    @Test
    void audioBranch_metersTheMicrophoneBeforeEchoCancellation_andMutesBeforeOpus() {
        String p = recipe(MediaSettings.testSources(0, 440), Set.of("x264enc", "webrtcdsp", "webrtcechoprobe")).audioBranch(true);
        assertThat(p.indexOf("level name=miclevel")).isPositive().isLessThan(p.indexOf("webrtcdsp"));
        assertThat(p.indexOf("volume name=micmute")).isGreaterThan(p.indexOf("webrtcdsp")).isLessThan(p.indexOf("opusenc"));
    }

    @Test
    void speakerAndLoopbackChoices() {
        assertThat(DeviceChoice.speaker("auto")).isEqualTo("autoaudiosink sync=true");
        assertThat(DeviceChoice.speaker("fake")).isEqualTo("fakesink sync=true");
        assertThat(DeviceChoice.speaker("alsa:hw:0,0")).isEqualTo("alsasink sync=true device=\"hw:0,0\"");
        assertThat(DeviceChoice.speaker("loopback:room-1")).endsWith(DeviceChoice.LOOPBACK_CAPS + " ! interaudiosink sync=true channel=room-1");
        assertThat(DeviceChoice.named("loopback:room-1")).isEqualTo("interaudiosrc channel=room-1 ! " + DeviceChoice.LOOPBACK_CAPS);
        MediaSettings d = MediaSettings.testSources(0, 440);
        assertThat(d.withAudio("loopback:room-1", "loopback:room-1").audioSink()).isEqualTo("loopback:room-1");
        assertThat(d.withAudio("alsa:hw:1,0", "alsa:hw:0,0").audioSink()).isEqualTo("alsa:hw:0,0");
        assertThatThrownBy(() -> d.withAudio("loopback:a b", "fake")).hasMessageContaining("loopback:<name>");
        assertThatThrownBy(() -> d.withAudio("test", "loopback:x ! fakesink")).hasMessageContaining("audioSink");
        assertThatThrownBy(() -> d.withAudio("test", "hdmi")).hasMessageContaining("audioSink");
    }
}
