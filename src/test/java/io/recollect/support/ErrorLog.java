package io.recollect.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The ERROR lines every context in this JVM logs while it is open: a user's mistake or a lost
 * race must not produce one.
 */
public final class ErrorLog implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public static ErrorLog watch() {
        return new ErrorLog();
    }

    private ErrorLog() {
        appender.start();
        root.addAppender(appender);
    }

    /** Logger and message of each ERROR so far. */
    public List<String> errors() {
        return List.copyOf(appender.list).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
