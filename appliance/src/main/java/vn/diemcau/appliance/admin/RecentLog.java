package vn.diemcau.appliance.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last log lines of this process in memory, for the Logs and Status pages: a Logback appender
 * on the root logger keeping {@value #LINES} lines and {@value #ERRORS} warnings/errors (a
 * throwable adds only its class and message — the page never shows stack traces).
 */
public final class RecentLog extends AppenderBase<ILoggingEvent> {
    static final int LINES = 5_000;
    static final int ERRORS = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Deque<String> lines = new ArrayDeque<>();
    private final Deque<String> errors = new ArrayDeque<>();

    private RecentLog() {
    }

    private static final String NAME = "admin-recent";

    /** The buffer attached to Logback's root logger, attaching one when there is none yet. */
    public static RecentLog attached() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx
                && ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(NAME) instanceof RecentLog existing) {
            return existing;
        }
        return install();
    }

    /** Attaches a new buffer to Logback's root logger. */
    public static RecentLog install() {
        RecentLog log = new RecentLog();
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            log.setContext(ctx);
            log.setName(NAME);
            log.start();
            ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
        }
        return log;
    }

    @Override
    protected void append(ILoggingEvent e) {
        StringBuilder b = new StringBuilder(160).append(TIME.format(Instant.ofEpochMilli(e.getTimeStamp()))).append(' ')
                .append(e.getLevel()).append(' ').append(shortName(e.getLoggerName())).append(" - ").append(e.getFormattedMessage());
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) b.append(" (").append(shortName(t.getClassName())).append(": ").append(t.getMessage()).append(')');
        String line = b.length() > 2_000 ? b.substring(0, 2_000) : b.toString();
        synchronized (this) {
            lines.addLast(line);
            if (lines.size() > LINES) lines.removeFirst();
            if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
                errors.addLast(line);
                if (errors.size() > ERRORS) errors.removeFirst();
            }
        }
    }

    /** The last {@code max} lines, oldest first. */
    public synchronized List<String> last(int max) {
        return tail(lines, max);
    }

    synchronized List<String> lastErrors(int max) {
        return tail(errors, max);
    }

    private static List<String> tail(Deque<String> d, int max) {
        List<String> all = new ArrayList<>(d);
        return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    private static String shortName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** Detaches the buffer. */
    public void uninstall() {
        if (getContext() instanceof LoggerContext ctx) ctx.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }
}
