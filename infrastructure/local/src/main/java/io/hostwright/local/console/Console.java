package io.hostwright.local.console;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The laptop runtime's own lines on the terminal: short, timestamped, human. Functions keep their own (structured)
 * logging; this is only what the runtime itself has to say.
 *
 * <p>Verbose (the default, and {@code --verbose} on the command line) also prints {@link #detail} lines and the stack
 * traces of errors; quiet, an error is one line with its causes' messages.
 */
public final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static volatile boolean verbose = true;

    private Console() {
    }

    public static void verbose(boolean on) {
        verbose = on;
    }

    public static boolean verbose() {
        return verbose;
    }

    public static void info(String message) {
        print(System.out, "", message);
    }

    /** Only when verbose: how the runtime goes about its work (instances started, and the like). */
    public static void detail(String message) {
        if (verbose) {
            print(System.out, "", message);
        }
    }

    public static void warn(String message) {
        print(System.err, "WARN ", message);
    }

    public static void error(String message, Throwable cause) {
        synchronized (System.err) {
            if (verbose || cause == null) {
                print(System.err, "ERROR ", message);
                if (cause != null) {
                    cause.printStackTrace(System.err);
                }
            } else {
                print(System.err, "ERROR ", message + causes(message, cause));
            }
        }
    }

    /** {@code ": why; why deeper"}, leaving out what the message says already. */
    static String causes(String message, Throwable cause) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (!message.contains(why) && !out.toString().contains(why)) {
                out.append(out.isEmpty() ? ": " : "; ").append(why);
            }
        }
        return out.toString();
    }

    private static void print(PrintStream stream, String level, String message) {
        stream.println(LocalTime.now().format(TIME) + " " + level + message);
    }
}
