package vn.diemcau.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The USB button reading crafted input_event records from a regular file and from a FIFO. */
class UsbButtonTest {

    private static final int KEY_F13 = 183;
    private static final int SIZE = 24;

    @TempDir
    Path dir;

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<Button.Press> presses = new CopyOnWriteArrayList<>();
    private UsbButton button;

    @AfterEach
    void tearDown() {
        if (button != null) {
            button.close();
        }
    }

    private static byte[] key(int code, int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new InputEvent(1_700_000_000L, 250_000L, InputEvent.EV_KEY, code, value).encode(SIZE));
        out.writeBytes(new InputEvent(1_700_000_000L, 250_001L, InputEvent.EV_SYN, 0, 0).encode(SIZE));
        return out.toByteArray();
    }

    private UsbButton start(Path device) {
        UsbButton usb = new UsbButton("join", () -> Optional.of(device), KEY_F13, SIZE, 3_600_000,
                scheduler, Runnable::run, 2_000);
        usb.onPress(presses::add);
        return usb;
    }

    @Test
    void decode_readsA64BitRecord() {
        byte[] bytes = new InputEvent(12, 34, InputEvent.EV_KEY, 28, 1).encode(24);
        assertThat(bytes).hasSize(24);
        assertThat(InputEvent.decode(ByteBuffer.wrap(bytes), 24)).isEqualTo(new InputEvent(12, 34, 1, 28, 1));
    }

    @Test
    void decode_readsA32BitRecord() {
        byte[] bytes = new InputEvent(12, 34, InputEvent.EV_KEY, 0x100, 0).encode(16);
        assertThat(InputEvent.decode(ByteBuffer.wrap(bytes), 16)).isEqualTo(new InputEvent(12, 34, 1, 0x100, 0));
    }

    @Test
    void file_withPressAndRelease_givesOneShortPress_andOtherKeysAreIgnored() throws IOException {
        Path device = dir.resolve("event7");
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        events.writeBytes(key(28, 1));
        events.writeBytes(key(28, 0));
        events.writeBytes(key(KEY_F13, 1));
        events.writeBytes(key(KEY_F13, 2));
        events.writeBytes(key(KEY_F13, 2));
        events.writeBytes(key(KEY_F13, 0));
        Files.write(device, events.toByteArray());

        button = start(device);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            scheduler.runDue();
            return !presses.isEmpty();
        });
        assertThat(presses).containsExactly(Button.Press.SHORT);
    }

    @Test
    void fifo_heldTwoSeconds_givesLongWhileHeld() throws Exception {
        Path fifo = dir.resolve("event9");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        button = start(fifo);

        try (FileOutputStream writer = new FileOutputStream(fifo.toFile())) {
            writer.write(key(KEY_F13, 1));
            writer.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                scheduler.runDue();
                return button.isDown();
            });
            scheduler.advance(1_999);
            assertThat(presses).isEmpty();
            scheduler.advance(1);
            assertThat(presses).containsExactly(Button.Press.LONG);

            writer.write(key(KEY_F13, 0));
            writer.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                scheduler.runDue();
                return !button.isDown();
            });
            assertThat(presses).containsExactly(Button.Press.LONG);
            button.close();
        }
    }

    @Test
    void missingDevice_isRetriedAndCloseStopsTheReader() {
        button = new UsbButton("join", Optional::empty, KEY_F13, SIZE, 3_600_000, scheduler, Runnable::run, 2_000);
        button.close();
        assertThat(button.isDown()).isFalse();
    }

    @Test
    void keys_parseNamesAndNumbers() {
        assertThat(InputKeys.parse("KEY_ENTER")).isEqualTo(28);
        assertThat(InputKeys.parse("key_f13")).isEqualTo(183);
        assertThat(InputKeys.parse("BTN_0")).isEqualTo(0x100);
        assertThat(InputKeys.parse("0x104")).isEqualTo(0x104);
        assertThat(InputKeys.parse("30")).isEqualTo(30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InputKeys.parse("KEY_NOPE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KEY_NOPE");
    }

    @Test
    void devices_findTheFootSwitchByName() throws IOException {
        Files.createDirectories(dir.resolve("proc/bus/input"));
        Files.writeString(dir.resolve("proc/bus/input/devices"), """
                I: Bus=0019 Vendor=0000 Product=0001 Version=0000
                N: Name="Power Button"
                P: Phys=LNXPWRBN/button/input0
                H: Handlers=kbd event0
                B: EV=3

                I: Bus=0003 Vendor=0c45 Product=7403 Version=0110
                N: Name="PCsensor FootSwitch Keyboard"
                P: Phys=usb-0000:00:14.0-2/input0
                S: Sysfs=/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/0003:0C45:7403.0001/input/input5
                U: Uniq=
                H: Handlers=sysrq kbd leds event5
                B: EV=120013
                """);

        assertThat(InputDevices.find(dir, "footswitch")).contains(dir.resolve("dev/input/event5"));
        assertThat(InputDevices.find(dir, "power")).contains(dir.resolve("dev/input/event0"));
        assertThat(InputDevices.find(dir, "nothing")).isEmpty();
    }
}
