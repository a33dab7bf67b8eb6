package io.hostwright.benchmark;

import io.hostwright.emulators.LocalAws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository the benchmark measures, found as the emulators find it ({@link LocalAws#repositoryRoot()}).
 */
public record RepositoryRoot(Path path) {

    public static final String PROBE_JAR = "infrastructure/coldstart-probe/target/hostwright-coldstart-probe.jar";

    public static RepositoryRoot find() {
        return new RepositoryRoot(LocalAws.repositoryRoot());
    }

    public Path resolve(String relative) {
        return path.resolve(relative);
    }

    public Path eventsDirectory() {
        return path.resolve("events");
    }

    /** A jar the reactor should have built, or a failure saying how to build it. */
    public Path builtJar(String relative) {
        Path jar = path.resolve(relative);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(relative + " is missing: build first with `mvn -B -q package -DskipTests` "
                    + "in " + path);
        }
        return jar;
    }

    /** {@code infrastructure/benchmark/target}, where logs, event copies and the JSON results go. */
    public Path outputDirectory() {
        Path dir = path.resolve("infrastructure/benchmark/target");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }
}
