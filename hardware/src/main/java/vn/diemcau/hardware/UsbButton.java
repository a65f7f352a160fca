package vn.diemcau.hardware;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A USB button, foot switch or keyboard key read as Linux input events from
 * {@code /dev/input/eventN}: key down (value 1) and up (value 0) of one configured code feed
 * the same {@link PressDetector} as a GPIO button; autorepeat (value 2) and other keys are
 * ignored. One named reader thread blocks on the device; if the device goes away (unplugged,
 * end of file) the button counts as released and the device is looked up and reopened after
 * {@code retryMillis}, so replugging it works even when it comes back as another eventN.
 *
 * <p>The device is not grabbed (no {@code EVIOCGRAB}): other readers, such as a console, see
 * the key too, so configure a key nothing else uses (KEY_F13..F20, BTN_0).
 */
final class UsbButton implements Button {

    private static final Logger LOG = LoggerFactory.getLogger(UsbButton.class);

    /** Finds the device node now (the eventN may change between plug-ins). */
    @FunctionalInterface
    interface DeviceLocator {
        Optional<Path> locate() throws IOException;
    }

    private final String name;
    private final DeviceLocator locator;
    private final int keyCode;
    private final int recordSize;
    private final long retryMillis;
    private final Scheduler scheduler;
    private final PressDetector detector;
    private final Thread reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();

    /** The last reported level; written and read only on the scheduler thread. */
    private boolean reported;
    private volatile boolean closed;
    private volatile FileChannel channel;
    /** Only touched by the reader thread. */
    private String lastProblem = "";

    UsbButton(String name, DeviceLocator locator, int keyCode, int recordSize, long retryMillis,
              Scheduler scheduler, Executor listenerExecutor, long longPressMillis) {
        this.name = name;
        this.locator = locator;
        this.keyCode = keyCode;
        this.recordSize = recordSize;
        this.retryMillis = retryMillis;
        this.scheduler = scheduler;
        this.detector = new PressDetector(name, scheduler, listenerExecutor, 0, longPressMillis, () -> reported);
        detector.start();
        this.reader = Thread.ofPlatform().name("diemcau-usb-" + name).daemon().unstarted(this::readLoop);
        reader.start();
    }

    @Override
    public void onPress(PressListener listener) {
        detector.addListener(listener);
    }

    @Override
    public boolean isDown() {
        return detector.isDown();
    }

    private void readLoop() {
        while (!closed) {
            try {
                Optional<Path> device = locator.locate();
                if (device.isPresent()) {
                    readDevice(device.get());
                } else {
                    problem("no input device found");
                }
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    problem(e.toString());
                }
            }
            report(false);
            awaitRetry();
        }
        LOG.debug("USB button {} reader stopped", name);
    }

    /** Warns once per distinct problem, so a missing device does not flood the journal. */
    private void problem(String what) {
        if (!what.equals(lastProblem)) {
            LOG.warn("USB button {}: {}; retrying every {} ms", name, what, retryMillis);
            lastProblem = what;
        } else {
            LOG.debug("USB button {}: {}", name, what);
        }
    }

    private void readDevice(Path device) throws IOException {
        try (FileChannel open = FileChannel.open(device, StandardOpenOption.READ)) {
            channel = open;
            if (closed) {
                return;
            }
            LOG.info("USB button {} reading {} (key code {})", name, device, keyCode);
            lastProblem = "";
            ByteBuffer buffer = ByteBuffer.allocate(recordSize * 64);
            while (!closed) {
                if (open.read(buffer) < 0) {
                    LOG.warn("USB button {}: {} ended (device gone?)", name, device);
                    return;
                }
                buffer.flip();
                while (buffer.remaining() >= recordSize) {
                    InputEvent event = InputEvent.decode(buffer, recordSize);
                    if (event.isKey(keyCode) && (event.value() == 0 || event.value() == 1)) {
                        report(event.value() == 1);
                    }
                }
                buffer.compact();
            }
        } finally {
            channel = null;
        }
    }

    private void report(boolean down) {
        scheduler.execute(() -> {
            if (reported != down) {
                reported = down;
                detector.edge();
            }
        });
    }

    private void awaitRetry() {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(retryMillis);
            while (!closed && left > 0) {
                left = closing.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        detector.close();
        lock.lock();
        try {
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        FileChannel open = channel;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                LOG.debug("USB button {}: closing the device failed: {}", name, e.toString());
            }
        }
        try {
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            LOG.warn("USB button {} reader did not stop (blocked opening its device)", name);
        }
    }
}
