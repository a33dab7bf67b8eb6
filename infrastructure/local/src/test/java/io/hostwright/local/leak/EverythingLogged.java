package io.hostwright.local.leak;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * While open: every log event of Hostwright's own code at every level and of every other library at the level it
 * runs at in Lambda (message, context data, stack trace), and everything written to standard out and error (the
 * runtime's own lines, the gateway's request log) — what a secret must never be in. The emulators' own debug output
 * (DynamoDB Local's HTTP server dumping request buffers) is not the product's and stays at its configured level.
 */
public final class EverythingLogged extends AbstractAppender implements AutoCloseable {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final List<LoggerConfig> loggers;
    private final List<Level> levels;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    private EverythingLogged() {
        super("everything", null, null, true, Property.EMPTY_ARRAY);
        loggers = List.of(context.getConfiguration().getRootLogger(),
                context.getConfiguration().getLoggerConfig("io.hostwright"));
        levels = loggers.stream().map(LoggerConfig::getLevel).toList();
    }

    public static EverythingLogged open() {
        EverythingLogged capture = new EverythingLogged();
        capture.start();
        for (LoggerConfig logger : capture.loggers) {
            logger.addAppender(capture, Level.ALL, null);
        }
        capture.context.getConfiguration().getLoggerConfig("io.hostwright").setLevel(Level.ALL);
        capture.context.updateLoggers();
        System.setOut(new PrintStream(tee(capture.out, capture.console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(capture.err, capture.console), true, StandardCharsets.UTF_8));
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        StringWriter line = new StringWriter();
        line.append(event.getLevel().name()).append(' ').append(event.getLoggerName()).append(' ')
                .append(event.getMessage().getFormattedMessage()).append(' ')
                .append(event.getContextData().toMap().toString());
        if (event.getThrown() != null) {
            event.getThrown().printStackTrace(new PrintWriter(line));
        }
        events.add(line.toString());
    }

    /** The log events and the console output so far. */
    public String all() {
        synchronized (console) {
            return String.join("\n", events) + "\n" + console.toString(StandardCharsets.UTF_8);
        }
    }

    public int eventCount() {
        return events.size();
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeAppender(getName());
            loggers.get(i).setLevel(levels.get(i));
        }
        context.updateLoggers();
        stop();
    }

    private static OutputStream tee(OutputStream original, ByteArrayOutputStream copy) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (copy) {
                    copy.write(b);
                }
                try {
                    original.write(b);
                } catch (java.io.IOException ignored) {
                    // the console is best effort; the copy is what the test reads
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (copy) {
                    copy.write(b, off, len);
                }
                try {
                    original.write(b, off, len);
                } catch (java.io.IOException ignored) {
                    // as above
                }
            }
        };
    }
}
