package vn.diemcau.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.context.ContextBuilder;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the box's hardware. The one public entry point of this module:
 *
 * <pre>{@code
 * HardwareKit kit = Hardware.open(HardwareSettings.defaults());
 * kit.joinButton().onPress(press -> callMachine.submit(press));   // runs on "diemcau-button-events"
 * kit.lights().show(LedPattern.IDLE);
 * ...
 * kit.close();                                                       // from the shutdown hook
 * }</pre>
 *
 * <p>Threads: {@code diemcau-hardware} (debounce, long-press timers, LED patterns),
 * {@code diemcau-button-events} (press listeners, one at a time, in order),
 * {@code diemcau-usb-*} (USB device readers). Pi4J's own threads only hand edges over.
 */
public final class Hardware {

    private static final Logger LOG = LoggerFactory.getLogger(Hardware.class);
    private static final long USB_RETRY_MILLIS = 3_000;

    private Hardware() {
    }

    /**
     * Detects the board (unless the profile names it) and opens buttons and lights.
     *
     * @throws HardwareException if the GPIO chip or USB device cannot be opened
     */
    public static HardwareKit open(HardwareSettings settings) {
        return open(settings, Hardware::gpiodContext);
    }

    /** Production GPIO: Pi4J with only the gpiod providers (no auto-detection, no Pi4J shutdown hook). */
    private static Context gpiodContext(Optional<String> chip) {
        ContextBuilder builder = Pi4J.newContextBuilder()
                .noAutoDetect()
                .disableShutdownHook()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance());
        chip.ifPresent(builder::setGpioChipName);
        return builder.build();
    }

    /** As {@link #open(HardwareSettings)}, with the Pi4J context made by {@code contexts} (tests pass a mock one). */
    static HardwareKit open(HardwareSettings settings, Function<Optional<String>, Context> contexts) {
        long started = System.nanoTime();
        BoardDetector.Board board = new BoardDetector(settings.systemRoot()).resolve(settings);
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            ThreadScheduler scheduler = new ThreadScheduler("diemcau-hardware");
            opened.push(scheduler);
            ExecutorService events = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("diemcau-button-events").daemon().factory());
            opened.push(() -> shutdown(events));
            HardwareKit kit = openParts(settings, board, scheduler, events, contexts, opened);
            LOG.info("Hardware open in {} ms: {}", (System.nanoTime() - started) / 1_000_000, kit.board());
            return kit;
        } catch (RuntimeException | Error e) {
            closeQuietly(opened, e);
            throw e instanceof HardwareException h ? h
                    : new HardwareException("cannot open hardware for " + board.description() + ": " + e.getMessage(), e);
        }
    }

    /** The buttons and lamps of one board kind. */
    private record Parts(Button join, Optional<Button> mute, Lamps lamps) { }

    private static HardwareKit openParts(HardwareSettings s, BoardDetector.Board board, Scheduler scheduler,
                                         ExecutorService events, Function<Optional<String>, Context> contexts,
                                         Deque<AutoCloseable> opened) {
        Parts parts = switch (board.kind()) {
            case PI4, PI5, GPIOD -> gpio(s, contexts.apply(board.gpioChip()), scheduler, events, opened);
            case USB -> usb(s, scheduler, events, opened);
            case VIRTUAL -> new Parts(push(opened, new VirtualButton("join", scheduler, events, s.longPressMillis())),
                    Optional.of(push(opened, new VirtualButton("mute", scheduler, events, s.longPressMillis()))), new VirtualLamps());
        };
        SequencedLights lights = push(opened, new SequencedLights(scheduler, parts.lamps()));
        return new HardwareKit(board.description(), parts.join(), parts.mute(), lights, opened);
    }

    private static Parts gpio(HardwareSettings s, Context context, Scheduler scheduler, ExecutorService events,
                              Deque<AutoCloseable> opened) {
        opened.push(context::shutdown);
        HardwareSettings.Pins pins = s.pins();
        Button join = push(opened, new Pi4jButton(context, "join", pins.joinButton(), scheduler, events,
                s.debounceMillis(), s.longPressMillis()));
        Optional<Button> mute = Optional.empty();
        if (pins.muteButton().isPresent()) {
            mute = Optional.of(push(opened, new Pi4jButton(context, "mute", pins.muteButton().getAsInt(),
                    scheduler, events, s.debounceMillis(), s.longPressMillis())));
        }
        return new Parts(join, mute, new Pi4jLamps(context, pins.greenLed(), pins.redLed(), pins.buttonLed()));
    }

    private static Parts usb(HardwareSettings s, Scheduler scheduler, ExecutorService events,
                             Deque<AutoCloseable> opened) {
        HardwareSettings.Usb usb = s.usb();
        UsbButton.DeviceLocator locator = usb.device().isPresent()
                ? usb::device
                : () -> InputDevices.find(s.systemRoot(), usb.deviceName().orElseThrow());
        int size = InputEvent.nativeRecordSize();
        Button join = push(opened, new UsbButton("join", locator, usb.keyCode(), size, USB_RETRY_MILLIS,
                scheduler, events, s.longPressMillis()));
        Optional<Button> mute = Optional.empty();
        if (usb.muteKeyCode().isPresent()) {
            mute = Optional.of(push(opened, new UsbButton("mute", locator, usb.muteKeyCode().getAsInt(), size,
                    USB_RETRY_MILLIS, scheduler, events, s.longPressMillis())));
        }
        return new Parts(join, mute, new VirtualLamps());
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T part) {
        opened.push(part);
        return part;
    }

    private static void shutdown(ExecutorService events) throws InterruptedException {
        events.shutdown();
        if (!events.awaitTermination(2, TimeUnit.SECONDS)) {
            events.shutdownNow();
        }
    }

    private static void closeQuietly(Deque<AutoCloseable> opened, Throwable failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
