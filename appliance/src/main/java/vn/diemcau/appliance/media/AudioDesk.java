package vn.diemcau.appliance.media;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The microphone meter, the speaker test tone and the audio self-test out of a call. The call
 * pipeline (running or warm) owns the devices while it exists, so: the meter reads its
 * {@code level} element when there is one, else runs a {@link MicCapture} that stops itself a few
 * seconds after the last read; the tone and the self-test borrow the devices (the warm pipeline
 * is released and rebuilt after) and are refused during a call. Blocking methods run on the
 * caller's thread; GStreamer objects are only built and closed on the Gst thread.
 */
final class AudioDesk implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AudioDesk.class);
    static final double TONE_HZ = 1000;
    static final Duration TONE_LENGTH = Duration.ofMillis(1500);
    private static final Duration GST = Duration.ofSeconds(5);
    /** 100 ms blocks measured before the tone and with it. */
    private static final int FLOOR_BLOCKS = 5;
    private static final int TONE_BLOCKS = 8;
    private static final long METER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** What the desk needs from the engine. */
    interface Devices {
        /** The microphone tap of the open call, else of the warm pipeline; empty when neither exists. */
        Optional<MicrophoneTap> pipelineTap();

        boolean inCall();

        /** Releases the warm pipeline's devices and keeps it from being rebuilt until {@link #giveBack}. */
        void borrow();

        void giveBack();
    }

    private final MediaSettings settings;
    private final Devices devices;
    private final ReentrantLock testLock = new ReentrantLock();
    private final Object meterLock = new Object();
    private volatile MicCapture testCapture;
    private volatile boolean testing;
    private MicCapture meter;
    private ScheduledFuture<?> meterWatch;
    private volatile long lastRead;

    AudioDesk(MediaSettings settings, Devices devices) {
        this.settings = settings;
        this.devices = devices;
    }

    Optional<AudioLevel> level() {
        MicCapture t = testCapture;
        if (t != null) return t.level();
        Optional<MicrophoneTap> tap = devices.pipelineTap();
        if (tap.isPresent()) {
            stopMeter();
            return tap.get().level();
        }
        synchronized (meterLock) {
            if (testing) return Optional.empty();
            lastRead = System.nanoTime();
            if (meter == null) {
                meter = GstRuntime.call(() -> MicCapture.open(settings), GST);
                meterWatch = GstRuntime.executor().scheduleWithFixedDelay(this::stopIdleMeter, 1, 1, TimeUnit.SECONDS);
                log.info("Microphone meter started ({})", settings.audioSource());
            }
            return meter.level();
        }
    }

    private void stopIdleMeter() {
        if (System.nanoTime() - lastRead > METER_IDLE_NANOS) stopMeter();
    }

    /** Stops the idle meter so a call pipeline can open the microphone. */
    void stopMeter() {
        synchronized (meterLock) {
            if (meter == null) return;
            MicCapture m = meter;
            meter = null;
            meterWatch.cancel(false);
            GstRuntime.run(m::close, GST);
            log.info("Microphone meter stopped");
        }
    }

    /** Plays the test tone ({@link #TONE_HZ}, {@link #TONE_LENGTH}) on the speaker and returns when it ended. */
    void playTestTone() {
        refuseInCall();
        testLock.lock();
        devices.borrow();
        try {
            TonePlayer tone = GstRuntime.call(() -> TonePlayer.start(settings, TONE_HZ, TONE_LENGTH), GST);
            try {
                pause(TONE_LENGTH.plusMillis(150));
            } finally {
                GstRuntime.run(tone::close, GST);
            }
            log.info("Test tone played ({} Hz, {} ms, on {})", TONE_HZ, TONE_LENGTH.toMillis(), settings.audioSink());
        } finally {
            devices.giveBack();
            testLock.unlock();
        }
    }

    /** Measures the microphone's floor, then plays {@link #TONE_HZ} and measures what the microphone hears. */
    AudioSelfTest selfTest() {
        refuseInCall();
        long t0 = System.nanoTime();
        testLock.lock();
        testing = true;
        stopMeter();
        devices.borrow();
        try {
            MicCapture c;
            try {
                c = GstRuntime.call(() -> MicCapture.open(settings), GST);
            } catch (MediaException e) {
                return AudioSelfTest.failed("the microphone could not be opened: " + e.getMessage(), TONE_HZ, since(t0));
            }
            testCapture = c;
            try {
                return measure(c, t0);
            } finally {
                testCapture = null;
                GstRuntime.run(c::close, GST);
            }
        } finally {
            testing = false;
            devices.giveBack();
            testLock.unlock();
        }
    }

    private AudioSelfTest measure(MicCapture c, long t0) {
        if (!waitFor(() -> c.buffers() > 2, Duration.ofSeconds(3))) {
            return AudioSelfTest.failed("no sound data from the microphone within 3 s"
                    + c.error().map(e -> " (" + e + ")").orElse(""), TONE_HZ, since(t0));
        }
        // Windows are counted in samples, not wall time: a loaded machine may deliver them late.
        ToneMeter floor = new ToneMeter(TONE_HZ, MicCapture.RATE);
        c.measureInto(floor);
        waitFor(() -> floor.reading().blocks() >= FLOOR_BLOCKS, Duration.ofSeconds(3));
        c.measureInto(null);
        ToneMeter heard = new ToneMeter(TONE_HZ, MicCapture.RATE);
        TonePlayer tone;
        try {
            tone = GstRuntime.call(() -> TonePlayer.start(settings, TONE_HZ, Duration.ofSeconds(4)), GST);
        } catch (MediaException e) {
            return AudioSelfTest.failed("the speaker could not be opened: " + e.getMessage(), TONE_HZ, since(t0));
        }
        try {
            // Speaker and microphone latency, then the tone for as long as it takes to get the blocks.
            pause(Duration.ofMillis(300));
            c.measureInto(heard);
            waitFor(() -> heard.reading().blocks() >= TONE_BLOCKS, Duration.ofSeconds(3));
            c.measureInto(null);
        } finally {
            GstRuntime.run(tone::close, GST);
        }
        ToneMeter.Reading before = floor.reading();
        ToneMeter.Reading during = heard.reading();
        log.info("Audio self-test: before the tone {}; with the tone {}", before, during);
        if (before.blocks() < FLOOR_BLOCKS || during.blocks() < TONE_BLOCKS) {
            return AudioSelfTest.failed("the microphone delivered too little sound data (" + before.samples() + " + "
                    + during.samples() + " samples in 6 s)", TONE_HZ, since(t0));
        }
        return new AudioSelfTest(Optional.empty(), before.level(), during.level(), TONE_HZ, before.toneDb(), during.upperToneDb(), since(t0));
    }

    private void refuseInCall() {
        if (devices.inCall()) throw new MediaException("the microphone and speaker are in use by a call");
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static boolean waitFor(BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            pause(Duration.ofMillis(20));
        }
        return true;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted during an audio check", e);
        }
    }

    @Override
    public void close() {
        stopMeter();
    }
}
