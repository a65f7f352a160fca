package vn.diemcau.appliance.media;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the box captures, how it encodes and where it plays.
 *
 * <p>Sources: {@code "test"} (videotestsrc/audiotestsrc with {@link #testPattern} and
 * {@link #testToneHz}), {@code "auto"} (the first camera/microphone the GStreamer device
 * monitor finds), or a named device: {@code "v4l2:/dev/video0"}, {@code "alsa:hw:1,0"},
 * {@code "pulse:<source name>"}, or a raw launch fragment {@code "gst:<element ...>"}.
 * Encoder: {@code "auto"} (v4l2h264enc, else x264enc, else openh264enc, else vp8enc) or one of
 * those names. Sinks: {@code "auto"}, {@code "kms"} (video only), {@code "fake"}; the speaker
 * also {@code "alsa:<device>"} or {@code "pulse:<sink name>"}.
 *
 * <p><b>Test-only loopback</b> ("room acoustics" without a sound card): {@code "loopback:<name>"}
 * as {@code audioSink} plays into GStreamer's {@code interaudiosink channel=<name>}, and as
 * {@code audioSource} captures from {@code interaudiosrc channel=<name>}; with the same name on
 * both, whatever the speaker plays is what the microphone hears (silence otherwise). It only
 * links pipelines inside one process; {@code <name>} is letters, digits, '-' and '_'.
 *
 * @param videoSource   camera, see above
 * @param audioSource   microphone, see above
 * @param testPattern   videotestsrc pattern number (0 = SMPTE bars, 18 = ball, ...)
 * @param testToneHz    audiotestsrc sine frequency
 * @param width         capture and send width, pixels
 * @param height        capture and send height, pixels
 * @param fps           frames per second
 * @param bitrateKbps   video bitrate, kbit/s
 * @param encoder       video encoder choice, see above
 * @param echoCancel    use webrtcdsp + webrtcechoprobe when the elements exist
 * @param videoSink     where received video is shown
 * @param audioSink     where received audio is played
 * @param latency       webrtcbin jitterbuffer latency
 * @param iceAddresses  local addresses ICE gathers candidates on; empty = every interface
 * @param keepWarm      between calls, keep the next call's pipeline built and started, its offer
 *                      made (the encoder idles): joins skip pipeline start-up (~0.5 s)
 */
public record MediaSettings(String videoSource, String audioSource, int testPattern, double testToneHz,
                            int width, int height, int fps, int bitrateKbps, String encoder,
                            boolean echoCancel, String videoSink, String audioSink, Duration latency,
                            List<String> iceAddresses, boolean keepWarm) {

    /** What a {@code loopback:} channel name may contain. */
    static final String LOOPBACK_NAME = "[A-Za-z0-9_-]{1,40}";

    public MediaSettings {
        Objects.requireNonNull(videoSource, "videoSource");
        Objects.requireNonNull(audioSource, "audioSource");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(videoSink, "videoSink");
        Objects.requireNonNull(audioSink, "audioSink");
        Objects.requireNonNull(latency, "latency");
        iceAddresses = List.copyOf(Objects.requireNonNull(iceAddresses, "iceAddresses"));
        for (String a : iceAddresses) {
            if (!a.matches("[0-9a-fA-F:.]+")) throw new IllegalArgumentException("iceAddresses: not an IP address: " + a);
        }
        if (testPattern < 0 || testPattern > 25) throw new IllegalArgumentException("testPattern out of range: " + testPattern);
        if (testToneHz <= 0 || testToneHz > 20_000) throw new IllegalArgumentException("testToneHz out of range: " + testToneHz);
        if (width < 16 || width > 3840 || width % 2 != 0) throw new IllegalArgumentException("bad width: " + width);
        if (height < 16 || height > 2160 || height % 2 != 0) throw new IllegalArgumentException("bad height: " + height);
        if (fps < 1 || fps > 60) throw new IllegalArgumentException("fps out of range: " + fps);
        if (bitrateKbps < 50 || bitrateKbps > 20_000) throw new IllegalArgumentException("bitrateKbps out of range: " + bitrateKbps);
        if (!encoder.matches("auto|v4l2h264enc|x264enc|openh264enc|vp8enc")) throw new IllegalArgumentException("unknown encoder: " + encoder);
        if (!videoSink.matches("auto|kms|fake")) throw new IllegalArgumentException("unknown videoSink: " + videoSink);
        if (!audioSink.matches("auto|fake|(alsa|pulse):[^!\"]+|loopback:" + LOOPBACK_NAME)) {
            throw new IllegalArgumentException("audioSink must be auto, fake, alsa:, pulse: or loopback:, got: " + audioSink);
        }
        if (latency.isNegative() || latency.toMillis() > 2_000) throw new IllegalArgumentException("latency out of range: " + latency);
        checkSource("videoSource", videoSource);
        checkSource("audioSource", audioSource);
    }

    /** Real camera and microphone, auto-detected; 1280x720 at 30 fps, 1500 kbit/s; TV and speaker. */
    public static MediaSettings defaults() {
        return new MediaSettings("auto", "auto", 0, 440, 1280, 720, 30, 1500, "auto", true, "auto", "auto",
                Duration.ofMillis(50), List.of(), true);
    }

    /** Test sources (a pattern and a tone) and fake sinks: for tests, benchmarks and the demo without devices. */
    public static MediaSettings testSources(int pattern, double toneHz) {
        return new MediaSettings("test", "test", pattern, toneHz, 1280, 720, 30, 1500, "auto", true, "fake", "fake",
                Duration.ofMillis(50), List.of(), true);
    }

    public MediaSettings withSize(int newWidth, int newHeight, int newFps) {
        return new MediaSettings(videoSource, audioSource, testPattern, testToneHz, newWidth, newHeight, newFps,
                bitrateKbps, encoder, echoCancel, videoSink, audioSink, latency, iceAddresses, keepWarm);
    }

    public MediaSettings withSinks(String newVideoSink, String newAudioSink) {
        return new MediaSettings(videoSource, audioSource, testPattern, testToneHz, width, height, fps,
                bitrateKbps, encoder, echoCancel, newVideoSink, newAudioSink, latency, iceAddresses, keepWarm);
    }

    public MediaSettings withIceAddresses(List<String> addresses) {
        return new MediaSettings(videoSource, audioSource, testPattern, testToneHz, width, height, fps,
                bitrateKbps, encoder, echoCancel, videoSink, audioSink, latency, addresses, keepWarm);
    }

    public MediaSettings withKeepWarm(boolean warm) {
        return new MediaSettings(videoSource, audioSource, testPattern, testToneHz, width, height, fps,
                bitrateKbps, encoder, echoCancel, videoSink, audioSink, latency, iceAddresses, warm);
    }

    public MediaSettings withAudio(String newAudioSource, String newAudioSink) {
        return new MediaSettings(videoSource, newAudioSource, testPattern, testToneHz, width, height, fps,
                bitrateKbps, encoder, echoCancel, videoSink, newAudioSink, latency, iceAddresses, keepWarm);
    }

    public MediaSettings withEchoCancel(boolean on) {
        return new MediaSettings(videoSource, audioSource, testPattern, testToneHz, width, height, fps,
                bitrateKbps, encoder, on, videoSink, audioSink, latency, iceAddresses, keepWarm);
    }

    public MediaSettings withEncoder(String newEncoder) {
        return new MediaSettings(videoSource, audioSource, testPattern, testToneHz, width, height, fps,
                bitrateKbps, newEncoder, echoCancel, videoSink, audioSink, latency, iceAddresses, keepWarm);
    }

    private static void checkSource(String key, String value) {
        if (!value.matches("test|auto|(v4l2|alsa|pulse|gst):.+|loopback:" + LOOPBACK_NAME)) {
            throw new IllegalArgumentException(key + " must be test, auto, v4l2:, alsa:, pulse:, gst: or loopback:<name>, got: " + value);
        }
        if (value.contains("!") || value.contains("\"")) {
            throw new IllegalArgumentException(key + " must name a single element without quotes, got: " + value);
        }
    }
}
