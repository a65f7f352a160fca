package vn.diemcau.appliance.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLibrary;
import org.junit.jupiter.api.Test;

/** GStreamer as the appliance initialises it inside the JVM. */
class GstRuntimeIT {

    @Test
    void gstreamerLeavesSigsegvToTheJvm() {
        GstRuntime.init();
        int enabled = NativeLibrary.getInstance("gstreamer-1.0").getFunction("gst_segtrap_is_enabled").invokeInt(new Object[0]);
        assertThat(enabled).as("gst_segtrap_is_enabled(): GStreamer's SIGSEGV trap would catch the JVM's own signals").isZero();
    }
}
