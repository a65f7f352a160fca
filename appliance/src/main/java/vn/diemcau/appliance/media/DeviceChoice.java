package vn.diemcau.appliance.media;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.device.Device;
import org.freedesktop.gstreamer.device.DeviceMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a source setting ({@code test}, {@code auto}, {@code v4l2:...}, {@code loopback:...}) into a
 * gst-launch fragment, and the speaker setting into a sink fragment. Gst thread only (the device
 * monitor); {@link #named} and {@link #speaker} are plain text.
 */
final class DeviceChoice {
    private static final Logger log = LoggerFactory.getLogger(DeviceChoice.class);

    /**
     * The one format on a loopback channel, on both ends: interaudiosrc renegotiates mid-stream
     * whenever the surface's format differs from its own in any detail (channel positions too),
     * and in a call pipeline that renegotiation stalled the microphone.
     */
    static final String LOOPBACK_CAPS = "audio/x-raw,format=S16LE,rate=48000,channels=1,layout=interleaved";

    private DeviceChoice() {
    }

    static String video(MediaSettings s) {
        String v = s.videoSource();
        if (v.equals("test")) return "videotestsrc is-live=true pattern=" + s.testPattern();
        if (v.equals("auto")) return autoCamera();
        return named(v);
    }

    static String audio(MediaSettings s) {
        String a = s.audioSource();
        if (a.equals("test")) {
            return "audiotestsrc is-live=true wave=sine volume=0.3 samplesperbuffer=960 freq=" + s.testToneHz();
        }
        if (a.equals("auto")) {
            if (firstDevice("Audio/Source").isEmpty()) throw new MediaException("no microphone found by the GStreamer device monitor");
            return "autoaudiosrc";
        }
        return named(a);
    }

    static String named(String setting) {
        int colon = setting.indexOf(':');
        String kind = setting.substring(0, colon);
        String value = setting.substring(colon + 1);
        return switch (kind) {
            case "v4l2" -> "v4l2src device=\"" + value + "\"";
            case "alsa" -> "alsasrc device=\"" + value + "\"";
            case "pulse" -> "pulsesrc device=\"" + value + "\"";
            case "gst" -> value;
            case "loopback" -> "interaudiosrc channel=" + value + " ! " + LOOPBACK_CAPS;
            default -> throw new MediaException("unknown source kind " + kind + " in " + setting);
        };
    }

    /** The speaker: {@code auto}, {@code fake}, {@code alsa:<device>}, {@code pulse:<sink>} or the test-only {@code loopback:<name>}. */
    static String speaker(String setting) {
        int colon = setting.indexOf(':');
        String kind = colon < 0 ? setting : setting.substring(0, colon);
        String value = colon < 0 ? "" : setting.substring(colon + 1);
        return switch (kind) {
            case "fake" -> "fakesink sync=true";
            case "alsa" -> "alsasink sync=true device=\"" + value + "\"";
            case "pulse" -> "pulsesink sync=true device=\"" + value + "\"";
            case "loopback" -> "audioconvert ! audioresample ! " + LOOPBACK_CAPS + " ! interaudiosink sync=true channel=" + value;
            default -> "autoaudiosink sync=true";
        };
    }

    private static String autoCamera() {
        Device d = firstDevice("Video/Source")
                .orElseThrow(() -> new MediaException("no camera found by the GStreamer device monitor"));
        try {
            Structure p = d.getProperties();
            for (String key : List.of("api.v4l2.path", "device.path", "object.path")) {
                if (p != null && p.hasField(key)) {
                    String path = p.getString(key);
                    if (path.startsWith("/dev/")) {
                        log.info("Camera auto-detected: {} ({})", d.getDisplayName(), path);
                        return "v4l2src device=\"" + path + "\"";
                    }
                }
            }
            log.info("Camera auto-detected without a device path: {}; using autovideosrc", d.getDisplayName());
            return "autovideosrc";
        } finally {
            d.dispose();
        }
    }

    private static Optional<Device> firstDevice(String klass) {
        DeviceMonitor m = new DeviceMonitor();
        try {
            m.addFilter(klass, new Caps(klass.startsWith("Video") ? "video/x-raw" : "audio/x-raw"));
            if (!m.start()) return Optional.empty();
            List<Device> devices = m.getDevices();
            m.stop();
            Optional<Device> first = devices.stream()
                    .filter(d -> !d.getDisplayName().toLowerCase(Locale.ROOT).contains("monitor"))
                    .findFirst();
            devices.stream().filter(d -> first.map(f -> f != d).orElse(true)).forEach(Device::dispose);
            return first;
        } finally {
            m.dispose();
        }
    }
}
