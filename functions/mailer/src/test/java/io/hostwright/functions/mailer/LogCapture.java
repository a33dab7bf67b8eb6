package io.hostwright.functions.mailer;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records, while open, every event the handler's logger emits at any level, with its context data, as one
 * searchable line each (level, message, context map, stack trace).
 */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    /** The configured logger the handler's events go through (io.hostwright, not additive, in log4j2.xml). */
    private final LoggerConfig logger = context.getConfiguration().getLoggerConfig(SqsMailRequestHandler.class.getName());
    private final Level previousLevel = logger.getLevel();

    private LogCapture() {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
    }

    static LogCapture open() {
        LogCapture capture = new LogCapture();
        capture.start();
        capture.logger.addAppender(capture, Level.ALL, null);
        capture.logger.setLevel(Level.ALL);
        capture.context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        StringWriter line = new StringWriter();
        line.append(event.getLevel().name()).append(' ')
                .append(event.getMessage().getFormattedMessage()).append(' ')
                .append(event.getContextData().toMap().toString());
        if (event.getThrown() != null) {
            event.getThrown().printStackTrace(new PrintWriter(line));
        }
        lines.add(line.toString());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeAppender(getName());
        logger.setLevel(previousLevel);
        context.updateLoggers();
        stop();
    }
}
