package vn.diemcau.appliance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The appliance's logging, set up in code (found by Logback through {@code META-INF/services}):
 * one line per event to stdout for journald (which adds the time), level from
 * {@code DIEMCAU_LOG_LEVEL} (default INFO), Paho at WARN. Parsing an XML configuration would load
 * Logback's Joran and the JDK's XML parser, ~300 classes kept for the life of the process
 * (docs/benchmarks.md, "Session 3"). An XML file asked for with {@code -Dlogback.configurationFile},
 * or a {@code logback-test.xml} on the class path, still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%-5level [%thread] %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(ctx);
        out.setName("STDOUT");
        out.setEncoder(encoder);
        out.start();
        ctx.getLogger("org.eclipse.paho").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv().getOrDefault("DIEMCAU_LOG_LEVEL", "INFO"), Level.INFO));
        root.addAppender(out);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
