package vn.diemcau.appliance.media;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.glib.GError;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GStreamer initialisation and the one thread every GStreamer call runs on (gst1-java-core
 * issue #244: objects disposed from other threads crash the JVM).
 */
final class GstRuntime {
    private static final Logger log = LoggerFactory.getLogger(GstRuntime.class);
    private static volatile Thread gstThread;

    private GstRuntime() {
    }

    static synchronized void init() {
        if (Gst.isInitialized()) return;
        long t0 = System.nanoTime();
        // No GStreamer SIGSEGV trap: while it loads a plugin, GStreamer installs its own SIGSEGV
        // handler, and the JVM raises SIGSEGV on purpose (safepoint polls, implicit null checks) on
        // other threads meanwhile. GStreamer then reports "Caught a segmentation fault while
        // loading plugin file: (null)" and the JVM dies (seen once in a clean CI run, AdminAudioIT).
        Gst.init(Version.of(1, 16), "diemcau", "--gst-disable-segtrap");
        try {
            gstThread = Gst.getExecutor().submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            Gst.getExecutor().submit(() -> Thread.currentThread().setName("gst-executor")).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting GStreamer", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("GStreamer executor did not start", e);
        }
        log.info("GStreamer {} initialised in {} ms", Gst.getVersionString(), (System.nanoTime() - t0) / 1_000_000);
    }

    static ScheduledExecutorService executor() {
        return Gst.getExecutor();
    }

    static boolean onGstThread() {
        return Thread.currentThread() == gstThread;
    }

    /** Runs {@code task} on the Gst executor and waits for it (runs inline when already there). */
    static <T> T call(Callable<T> task, Duration timeout) {
        if (onGstThread()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new MediaException("GStreamer task failed: " + e.getMessage(), e);
            }
        }
        Future<T> f = executor().submit(task);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted waiting for GStreamer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new MediaException("GStreamer task failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new MediaException("GStreamer task timed out after " + timeout.toMillis() + " ms", e);
        }
    }

    static void run(Runnable task, Duration timeout) {
        call(() -> {
            task.run();
            return null;
        }, timeout);
    }

    /** Queues {@code task} on the Gst executor; exceptions are logged, never lost in JNA. */
    static void post(String what, Runnable task) {
        executor().execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("GStreamer task '{}' failed", what, e);
            }
        });
    }

    /** {@code gst_parse_launch} that fails loudly (the wrapper may return a partial pipeline on errors). */
    static Element parse(String description) {
        List<GError> errors = new ArrayList<>();
        Element e = Gst.parseLaunch(description, errors);
        if (!errors.isEmpty() || e == null) {
            if (e != null) e.dispose();
            throw new MediaException("bad pipeline: " + (errors.isEmpty() ? "?" : errors.get(0).getMessage()) + " in: " + description);
        }
        return e;
    }

    /** A bin with ghost pads from a launch fragment; fails loudly like {@link #parse}. */
    static Bin parseBin(String description) {
        List<GError> errors = new ArrayList<>();
        Bin b = Gst.parseBinFromDescription(description, true, errors);
        if (!errors.isEmpty() || b == null) {
            if (b != null) b.dispose();
            throw new MediaException("bad pipeline: " + (errors.isEmpty() ? "?" : errors.get(0).getMessage()) + " in: " + description);
        }
        return b;
    }

    static boolean hasElement(String factory) {
        try {
            ElementFactory f = ElementFactory.find(factory);
            if (f == null) return false;
            f.dispose();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
