package io.hostwright.local.function;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code context.getLogger()}: one console line per call, prefixed with the function so mixed output stays readable. */
final class LocalLambdaLogger implements LambdaLogger {

    private final String prefix;
    private final PrintStream out;

    LocalLambdaLogger(String functionName, PrintStream out) {
        this.prefix = "[" + functionName + "] ";
        this.out = out;
    }

    @Override
    public void log(String message) {
        out.println(prefix + message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
