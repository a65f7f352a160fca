package vn.diemcau.appliance.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receives what the notifier sends on a real Unix datagram socket, as systemd would. */
class SystemdNotifierTest {

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int socket(int domain, int type, int protocol);

        int bind(int fd, SockaddrUn addr, int len);

        long recv(int fd, byte[] buf, long len, int flags);

        int close(int fd);

        int setenv(String name, String value, int overwrite);

        int unsetenv(String name);
    }

    @Structure.FieldOrder({"family", "path"})
    public static class SockaddrUn extends Structure {
        public short family = 1;
        public byte[] path = new byte[108];
    }

    @TempDir
    Path dir;

    @Test
    void ready_status_andWatchdog_reachTheNotifySocket() {
        Path sock = dir.resolve("notify.sock");
        int fd = LibC.INSTANCE.socket(1, 2, 0);
        assertThat(fd).isNotNegative();
        SockaddrUn addr = new SockaddrUn();
        byte[] p = sock.toString().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(p, 0, addr.path, 0, p.length);
        assertThat(LibC.INSTANCE.bind(fd, addr, addr.size())).isZero();
        LibC.INSTANCE.setenv("NOTIFY_SOCKET", sock.toString(), 1);
        try (SystemdNotifier n = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", sock.toString(), "WATCHDOG_USEC", "4000000"))) {
            assertThat(n.active()).isTrue();
            assertThat(n.watchdogInterval()).contains(Duration.ofSeconds(2));
            n.ready("online");
            n.status("in call\nroom 1");
            n.startWatchdog(() -> true);
            assertThat(receive(fd)).isEqualTo("READY=1\nSTATUS=online");
            assertThat(receive(fd)).isEqualTo("STATUS=in call room 1");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receive(fd), "WATCHDOG=1"::equals);
        } finally {
            LibC.INSTANCE.unsetenv("NOTIFY_SOCKET");
            LibC.INSTANCE.close(fd);
        }
    }

    @Test
    void withoutNotifySocket_isInactiveNoOp() {
        try (SystemdNotifier n = SystemdNotifier.fromEnvironment(Map.of())) {
            assertThat(n.active()).isFalse();
            n.ready("x");
            n.startWatchdog(() -> true);
            assertThat(n.watchdogInterval()).isEmpty();
        }
    }

    private static String receive(int fd) {
        byte[] buf = new byte[512];
        long n = LibC.INSTANCE.recv(fd, buf, buf.length, 0x40 /* MSG_DONTWAIT */);
        return n < 0 ? "" : new String(buf, 0, (int) n, StandardCharsets.UTF_8);
    }

}
