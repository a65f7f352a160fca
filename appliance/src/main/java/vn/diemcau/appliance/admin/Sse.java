package vn.diemcau.appliance.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Server-Sent Events for the live views: polls {@code data} every {@code period} and sends it when
 * it changed (a comment line every 15 s otherwise, so a dead browser is noticed). A stream ends
 * after {@code max}; the browser's EventSource reconnects by itself, which re-checks the session.
 * Runs on the request's (virtual) thread.
 */
final class Sse {
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);

    private Sse() {
    }

    /** {@code data} must be one line (JSON or an HTML fragment without line breaks). */
    static WebResponse stream(Supplier<String> data, Duration period, Duration max) {
        return WebResponse.stream("text/event-stream; charset=utf-8", out -> {
            long end = System.nanoTime() + max.toNanos();
            long lastSent = 0;
            String last = null;
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (System.nanoTime() < end) {
                String now = oneLine(safe(data));
                if (!Objects.equals(now, last)) {
                    out.write(("data: " + now + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    last = now;
                    lastSent = System.nanoTime();
                } else if (System.nanoTime() - lastSent > KEEPALIVE.toNanos()) {
                    out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    lastSent = System.nanoTime();
                }
                try {
                    Thread.sleep(period);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }).header("Cache-Control", "no-store").header("X-Accel-Buffering", "no");
    }

    private static String safe(Supplier<String> data) {
        try {
            return data.get();
        } catch (RuntimeException e) {
            return "{\"error\":true}";
        }
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
