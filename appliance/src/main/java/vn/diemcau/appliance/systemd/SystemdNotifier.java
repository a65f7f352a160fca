package vn.diemcau.appliance.systemd;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to systemd's notify socket ({@code Type=notify}): {@code READY=1}, {@code STATUS=…},
 * {@code STOPPING=1} and {@code WATCHDOG=1} at half of {@code WATCHDOG_USEC}.
 *
 * <p>{@code NOTIFY_SOCKET} is a Unix datagram socket, which Java's Unix-domain channels cannot send
 * to, so this calls libsystemd's {@code sd_notify} through JNA. Without {@code NOTIFY_SOCKET}
 * (not started by systemd) every call is a no-op.
 */
public final class SystemdNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);

    /** The one libsystemd function we need. */
    interface LibSystemd extends Library {
        int sd_notify(int unsetEnvironment, String state);
    }

    private final Optional<LibSystemd> lib;
    private final Optional<Duration> watchdogInterval;
    private final ScheduledExecutorService watchdog;

    private SystemdNotifier(Optional<LibSystemd> lib, Optional<Duration> watchdogInterval) {
        this.lib = lib;
        this.watchdogInterval = watchdogInterval;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "systemd-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads {@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} from {@code env}. */
    public static SystemdNotifier fromEnvironment(Map<String, String> env) {
        if (env.get("NOTIFY_SOCKET") == null) return new SystemdNotifier(Optional.empty(), Optional.empty());
        Optional<LibSystemd> lib;
        try {
            lib = Optional.of(Native.load("libsystemd.so.0", LibSystemd.class));
        } catch (UnsatisfiedLinkError e) {
            log.error("NOTIFY_SOCKET is set but libsystemd.so.0 cannot be loaded ({}); systemd will not see READY", e.getMessage());
            lib = Optional.empty();
        }
        Optional<Duration> interval = Optional.ofNullable(env.get("WATCHDOG_USEC"))
                .map(String::trim).filter(s -> s.matches("\\d+"))
                .map(us -> Duration.ofNanos(Long.parseLong(us) * 1000 / 2));
        return new SystemdNotifier(lib, interval);
    }

    /** Whether a notify socket is in use. */
    public boolean active() {
        return lib.isPresent();
    }

    /** The watchdog ping interval (half of {@code WATCHDOG_USEC}), when systemd asked for one. */
    public Optional<Duration> watchdogInterval() {
        return watchdogInterval;
    }

    public void ready(String status) {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    public void stopping() {
        send("STOPPING=1");
    }

    /**
     * Pings the watchdog at half of {@code WATCHDOG_USEC} while {@code healthy} says so; a stuck
     * component that makes it false lets systemd restart the service.
     */
    public void startWatchdog(BooleanSupplier healthy) {
        watchdogInterval.ifPresent(every -> {
            log.info("systemd watchdog: pinging every {} ms", every.toMillis());
            watchdog.scheduleAtFixedRate(() -> {
                if (healthy.getAsBoolean()) send("WATCHDOG=1");
                else log.warn("Not pinging the systemd watchdog: a component is unhealthy");
            }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void send(String state) {
        lib.ifPresent(l -> {
            int rc = l.sd_notify(0, state);
            if (rc < 0) log.warn("sd_notify failed with {}", rc);
        });
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
