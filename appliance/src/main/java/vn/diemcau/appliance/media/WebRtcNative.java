package vn.diemcau.appliance.media;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.webrtc.WebRTCBin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few raw GObject calls gst1-java-core has no binding for (MEDIA-NOTES pitfall 5): the ICE
 * agent of a webrtcbin, its {@code ice-tcp} switch and {@code add-local-ip-address}; the buffer count
 * in an {@code identity}'s {@code stats}. Gst thread only.
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

    interface GstLib extends Library {
        GstLib INSTANCE = Native.load("gstreamer-1.0", GstLib.class);

        boolean gst_structure_get_uint64(Pointer structure, String field, LongByReference value);

        void gst_structure_free(Pointer structure);
    }

    private WebRtcNative() {
    }

    /** {@code num-buffers} from an {@code identity}'s {@code stats} (a copy of the structure, freed here). */
    static long bufferCount(Element identity) {
        PointerByReference stats = new PointerByReference();
        GObjectLib.INSTANCE.g_object_get(Natives.getRawPointer(identity), "stats", stats, Pointer.NULL);
        Pointer s = stats.getValue();
        if (s == null) return 0;
        try {
            LongByReference n = new LongByReference();
            return GstLib.INSTANCE.gst_structure_get_uint64(s, "num-buffers", n) ? n.getValue() : 0;
        } finally {
            GstLib.INSTANCE.gst_structure_free(s);
        }
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
