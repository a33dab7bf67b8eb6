package io.hostwright.local;

import io.hostwright.local.console.Console;
import org.apache.logging.log4j.core.config.Configurator;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the laptop runtime prints, set once by {@code main} before anything starts.
 *
 * <p>Quiet (the default): one line per HTTP request (the gateway's {@code GET /v1/… → function 200 (11 ms)}), per
 * schedule run and per problem; the functions' warnings and errors as one readable line each, without JSON or stack
 * traces; no metrics JSON; nothing from the emulators' own logging (DynamoDB Local's warning-with-stack-trace on
 * every failed condition check, which the suite uses on purpose for idempotency and locking).
 *
 * <p>Verbose ({@code --verbose}): the functions' structured JSON log at INFO as Lambda would ship it, their
 * embedded-metric JSON, the emulators' warnings, the runtime's detail lines and stack traces.
 */
final class LaptopLogging {

    static final String QUIET_CONFIGURATION = "/hostwright-local-quiet.xml";
    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    private LaptopLogging() {
    }

    static void configure(boolean verbose) {
        // log4j would stop its logging at the JVM's shutdown, before the runtime's own shutdown hook has stopped the
        // emulators: what they log then would find a new, default configuration (the functions' JSON) instead
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        // DynamoDB Local's SQLite binding chatters ("unknown jar version") on the terminal otherwise
        SQLITE_LOG.setLevel(Level.SEVERE);
        Console.verbose(verbose);
        if (verbose) {
            return;
        }
        MetricsFactory.setMetricsProvider(QuietMetrics::new);
        URL quiet = LaptopLogging.class.getResource(QUIET_CONFIGURATION);
        if (quiet == null) {
            Console.warn("quiet logging configuration " + QUIET_CONFIGURATION + " is missing; logging as --verbose");
            return;
        }
        try {
            Configurator.reconfigure(quiet.toURI());
        } catch (URISyntaxException e) {
            Console.warn("quiet logging configuration not usable (" + e.getMessage() + "); logging as --verbose");
        }
    }
}
