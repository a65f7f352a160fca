package vn.diemcau.appliance.media;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.webrtc.WebRTCBin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few raw GObject calls gst1-java-core has no binding for (MEDIA-NOTES pitfall 5): the ICE
 * agent of a webrtcbin, its {@code ice-tcp} switch and {@code add-local-ip-address}. Gst thread only.
 */
final class WebRtcNative {
    private static final Logger log = LoggerFactory.getLogger(WebRtcNative.class);

    interface GObjectLib extends Library {
        GObjectLib INSTANCE = Native.load("gobject-2.0", GObjectLib.class);

        void g_object_get(Pointer object, String name, Object... rest);

        void g_object_set(Pointer object, String name, Object... rest);

        void g_signal_emit_by_name(Pointer instance, String signal, Object... rest);

        void g_object_unref(Pointer object);
    }

    private WebRtcNative() {
    }

    /** UDP only, and (when given) gather candidates only on {@code addresses}. */
    static void configureIce(WebRTCBin bin, List<String> addresses) {
        GObjectLib lib = GObjectLib.INSTANCE;
        PointerByReference agentRef = new PointerByReference();
        lib.g_object_get(Natives.getRawPointer(bin), "ice-agent", agentRef, Pointer.NULL);
        Pointer agent = agentRef.getValue();
        if (agent == null) {
            log.warn("webrtcbin {} has no ICE agent", bin.getName());
            return;
        }
        try {
            lib.g_object_set(agent, "ice-tcp", 0, Pointer.NULL);
            for (String address : addresses) {
                IntByReference ok = new IntByReference();
                lib.g_signal_emit_by_name(agent, "add-local-ip-address", address, ok.getPointer());
                if (ok.getValue() == 0) log.warn("ICE agent refused local address {}", address);
            }
        } finally {
            lib.g_object_unref(agent);
        }
    }
}
