package io.hostwright.benchmark.coldstart;

import java.util.Optional;

/** How a cold-start JVM is started: as Java starts by default, or with what the CDK puts in JAVA_TOOL_OPTIONS. */
public enum JvmMode {
    DEFAULT("default", null),
    /** The CDK's value (FunctionsConstruct.JAVA_TOOL_OPTIONS): C1 only, the usual Lambda cold-start advice. */
    C1("C1 only", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");

    private final String label;
    private final String javaToolOptions;

    JvmMode(String label, String javaToolOptions) {
        this.label = label;
        this.javaToolOptions = javaToolOptions;
    }

    public String label() {
        return label;
    }

    public Optional<String> javaToolOptions() {
        return Optional.ofNullable(javaToolOptions);
    }
}
