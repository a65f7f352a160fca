package vn.diemcau.appliance.media;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Builds gst-launch descriptions for the call pipeline from {@link MediaSettings} and the set of
 * elements this machine has (a predicate, so it can be tested without GStreamer). The same text
 * runs under {@code gst-launch-1.0} for the CPU benchmark.
 */
final class PipelineRecipe {
    static final String WEBRTC = "pub";
    static final String ECHO_PROBE = "diemcau-echo";
    static final String SNAPSHOT_SINK = "snap";
    static final String VIDEO_ENCODER = "venc";
    /** An identity after the encoder whose {@code stats} count the encoded frames (no per-frame callback into Java). */
    static final String ENCODED_COUNTER = "vcount";
    static final String SPEAKER_MIXER = "spk";

    /** The video encoder chosen, its RTP caps and whether it is H.264. */
    record Encoder(String name, String encodeChain, String payChain, boolean h264) {
        Encoder {
            Objects.requireNonNull(name, "name");
        }
    }

    private final MediaSettings s;
    private final Predicate<String> has;
    private final String videoSourceFragment;
    private final String audioSourceFragment;

    /**
     * @param videoSourceFragment launch fragment of the camera source (see {@link DeviceChoice})
     * @param audioSourceFragment launch fragment of the microphone source
     */
    PipelineRecipe(MediaSettings settings, Predicate<String> hasElement, String videoSourceFragment,
                   String audioSourceFragment) {
        this.s = Objects.requireNonNull(settings, "settings");
        this.has = Objects.requireNonNull(hasElement, "hasElement");
        this.videoSourceFragment = Objects.requireNonNull(videoSourceFragment, "videoSourceFragment");
        this.audioSourceFragment = Objects.requireNonNull(audioSourceFragment, "audioSourceFragment");
    }

    Encoder encoder() {
        String want = s.encoder();
        int kbps = s.bitrateKbps();
        int gop = s.fps() * 2;
        String h264Pay = " ! rtph264pay config-interval=-1 pt=96 aggregate-mode=zero-latency"
                + " ! application/x-rtp,media=video,encoding-name=H264,payload=96,clock-rate=90000";
        if (pick(want, "v4l2h264enc")) {
            return new Encoder("v4l2h264enc", "v4l2h264enc name=" + VIDEO_ENCODER
                    + " extra-controls=\"controls,video_bitrate=" + kbps * 1000 + ",h264_i_frame_period=" + gop
                    + ",repeat_sequence_header=1\" ! video/x-h264,level=(string)4,profile=(string)constrained-baseline"
                    + " ! h264parse", h264Pay, true);
        }
        if (pick(want, "x264enc")) {
            return new Encoder("x264enc", "x264enc name=" + VIDEO_ENCODER
                    + " speed-preset=ultrafast tune=zerolatency threads=2 bitrate=" + kbps + " key-int-max=" + gop
                    + " ! video/x-h264,profile=constrained-baseline", h264Pay, true);
        }
        if (pick(want, "openh264enc")) {
            return new Encoder("openh264enc", "openh264enc name=" + VIDEO_ENCODER
                    + " complexity=low rate-control=bitrate bitrate=" + kbps * 1000 + " gop-size=" + gop
                    + " ! video/x-h264,profile=constrained-baseline", h264Pay, true);
        }
        if (pick(want, "vp8enc")) {
            return new Encoder("vp8enc", "vp8enc name=" + VIDEO_ENCODER
                    + " deadline=1 cpu-used=8 threads=2 end-usage=cbr error-resilient=partitions target-bitrate="
                    + kbps * 1000 + " keyframe-max-dist=" + gop,
                    " ! rtpvp8pay pt=96 picture-id-mode=15-bit"
                            + " ! application/x-rtp,media=video,encoding-name=VP8,payload=96,clock-rate=90000", false);
        }
        throw new MediaException("no usable video encoder (wanted " + want + "; none of v4l2h264enc, x264enc, openh264enc, vp8enc found)");
    }

    private boolean pick(String want, String name) {
        return (want.equals("auto") || want.equals(name)) && has.test(name);
    }

    boolean echoCancel() {
        return s.echoCancel() && has.test("webrtcdsp") && has.test("webrtcechoprobe");
    }

    /** Camera → scale → encode → pay → webrtcbin; with a 1 fps JPEG branch for snapshots. */
    String videoBranch(boolean withWebrtc) {
        Encoder e = encoder();
        String caps = "video/x-raw,width=" + s.width() + ",height=" + s.height() + ",framerate=" + s.fps() + "/1";
        String out = withWebrtc ? " ! " + WEBRTC + "." : " ! fakesink sync=false";
        return videoSourceFragment + " ! videoconvert ! videoscale ! videorate ! " + caps + " ! tee name=vtee"
                + " vtee. ! queue max-size-buffers=2 max-size-time=0 max-size-bytes=0 leaky=downstream ! "
                + e.encodeChain() + " ! identity name=" + ENCODED_COUNTER + " silent=true signal-handoffs=false" + e.payChain() + out
                + " vtee. ! queue max-size-buffers=1 max-size-time=0 max-size-bytes=0 leaky=downstream"
                + " ! videorate drop-only=true max-rate=1 ! jpegenc quality=85"
                + " ! appsink name=" + SNAPSHOT_SINK + " max-buffers=1 drop=true sync=false async=false";
    }

    /** Microphone → level meter → (echo cancellation) → mute → Opus → webrtcbin (muted, Opus keeps flowing with silence). */
    String audioBranch(boolean withWebrtc) {
        String dsp = echoCancel()
                ? " ! audio/x-raw,format=S16LE,rate=48000,channels=1,layout=interleaved ! webrtcdsp probe=" + ECHO_PROBE
                + " ! audioconvert"
                : "";
        String out = withWebrtc ? " ! " + WEBRTC + "." : " ! fakesink sync=false";
        return audioSourceFragment + " ! audioconvert ! audioresample ! " + MicrophoneTap.LEVEL_ELEMENT + dsp
                + " ! audio/x-raw,rate=48000,channels=1 ! " + MicrophoneTap.MUTE_ELEMENT
                + " ! queue max-size-buffers=0 max-size-bytes=0 max-size-time=100000000 leaky=downstream ! opusenc bitrate=32000 frame-size=20 ! rtpopuspay pt=111"
                + " ! application/x-rtp,media=audio,encoding-name=OPUS,payload=111,clock-rate=48000" + out;
    }

    /** Silence → mixer (feeds join it) → echo probe → speaker. */
    String speakerBranch() {
        String probe = echoCancel()
                ? " ! audio/x-raw,format=S16LE,rate=48000,channels=2,layout=interleaved ! webrtcechoprobe name=" + ECHO_PROBE
                : "";
        return "audiotestsrc is-live=true wave=silence ! audio/x-raw,rate=48000,channels=2 ! audiomixer name="
                + SPEAKER_MIXER + probe + " ! audioconvert ! audioresample ! " + audioSink();
    }

    String webrtcbin() {
        return "webrtcbin name=" + WEBRTC + " bundle-policy=max-bundle latency=" + s.latency().toMillis();
    }

    /** The whole publishing pipeline. */
    String callPipeline() {
        return webrtcbin() + " " + videoBranch(true) + " " + audioBranch(true) + " " + speakerBranch();
    }

    /**
     * The call pipeline without webrtcbin: capture, encode, pay and the speaker branch, into fake
     * sinks. What {@code gst-launch-1.0} runs in the CPU benchmark.
     */
    String encodeOnlyPipeline() {
        return videoBranch(false) + " " + audioBranch(false) + " " + speakerBranch();
    }

    String videoSink() {
        return switch (s.videoSink()) {
            case "fake" -> "fakesink sync=false";
            case "kms" -> "kmssink sync=false";
            default -> "autovideosink sync=false";
        };
    }

    /** After the video wall's compositor: screen-sized frames at the call's rate to the video sink. */
    String wallOutput() {
        return "capsfilter caps=video/x-raw,width=" + s.width() + ",height=" + s.height() + ",framerate=" + s.fps() + "/1"
                + " ! videoconvert ! identity name=wallmeter ! " + videoSink().replace("sync=false", "sync=false async=false");
    }

    String audioSink() {
        return DeviceChoice.speaker(s.audioSink());
    }

    /** Decode chain for one received stream, from RTP to the sink, with an identity to count/measure. */
    String receiveChain(String encodingName) {
        return receiveChain(encodingName, VideoLayout.SINGLE);
    }

    /**
     * Decode chain for one received stream, with an identity to count/measure; video ends in the
     * video sink ({@link VideoLayout#SINGLE}) or in a src pad for the video wall ({@link VideoLayout#TILED}).
     */
    String receiveChain(String encodingName, VideoLayout layout) {
        String videoEnd = layout == VideoLayout.TILED ? "" : " ! " + videoSink();
        return switch (encodingName.toUpperCase(java.util.Locale.ROOT)) {
            case "H264" -> "queue ! rtph264depay ! h264parse ! avdec_h264 ! videoconvert ! identity name=vmeter" + videoEnd;
            case "VP8" -> "queue ! rtpvp8depay ! vp8dec ! videoconvert ! identity name=vmeter" + videoEnd;
            case "OPUS" -> "queue ! rtpopusdepay ! opusdec ! audioconvert ! audioresample"
                    + " ! audio/x-raw,format=S16LE,rate=48000,channels=2,layout=interleaved ! identity name=ameter";
            default -> throw new MediaException("cannot decode encoding " + encodingName);
        };
    }
}
