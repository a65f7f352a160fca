package vn.diemcau.appliance;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Turns transparent huge pages off for this process ({@code prctl(PR_SET_THP_DISABLE)}), before
 * GStreamer starts: x264 asks for huge pages on its frame buffers ({@code madvise(MADV_HUGEPAGE)}),
 * and a 2 MB page is resident in full even where the encoder never writes (docs/benchmarks.md,
 * "Session 3"). Linux only; elsewhere, or if refused, nothing changes.
 */
final class HugePages {
    private static final int PR_SET_THP_DISABLE = 41;

    interface LibC extends Library {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);
    }

    private HugePages() {
    }

    /** True if the kernel took it. */
    static boolean disable() {
        try {
            return Native.load("c", LibC.class).prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
