package io.hostwright.local.console;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The laptop runtime's own lines on the terminal: short, timestamped, human. Functions keep their own (structured)
 * logging; this is only what the runtime itself has to say.
 */
public final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Console() {
    }

    public static void info(String message) {
        print(System.out, "", message);
    }

    public static void warn(String message) {
        print(System.err, "WARN ", message);
    }

    public static void error(String message, Throwable cause) {
        synchronized (System.err) {
            print(System.err, "ERROR ", message);
            if (cause != null) {
                cause.printStackTrace(System.err);
            }
        }
    }

    private static void print(PrintStream stream, String level, String message) {
        stream.println(LocalTime.now().format(TIME) + " " + level + message);
    }
}
