package io.hostwright.lambda;

import java.util.Optional;

/**
 * A function's configuration. In Lambda it is the process environment the CDK set from the manifest; the laptop
 * runtime hosts several functions in one JVM and sets the same names as system properties instead.
 */
public final class FunctionEnvironment {

    private FunctionEnvironment() {
    }

    public static Optional<String> optional(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            value = System.getProperty(name);
        }
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public static String require(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "environment variable " + name + " is not set; the manifest should provide it"));
    }

    public static String orDefault(String name, String fallback) {
        return optional(name).orElse(fallback);
    }
}
