package io.hostwright.benchmark.coldstart;

import io.hostwright.manifest.FunctionSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * What one cold-start JVM runs: a handler, the jars on its classpath (the function jar, then the probe jar), the
 * event for its first invocation, and the function whose environment it gets (none for the bare handler).
 */
record ColdStartTarget(String name, FunctionSpec function, String handler, Path jar, List<Path> classpath,
                       SampleEvent event) {

    static final String BARE_HANDLER = "io.hostwright.coldstart.BareHandler";

    static ColdStartTarget bare(Path probeJar, SampleEvent event) {
        return new ColdStartTarget("bare handler", null, BARE_HANDLER, probeJar, List.of(probeJar), event);
    }

    static ColdStartTarget of(FunctionSpec function, Path functionJar, Path probeJar, SampleEvent event) {
        return new ColdStartTarget(function.name(), function, function.handler(), functionJar,
                List.of(functionJar, probeJar), event);
    }

    int memoryMb() {
        return function == null ? 512 : function.memoryMb();
    }

    long timeoutSeconds() {
        return function == null ? 30 : function.timeout().toSeconds();
    }
}
