package io.hostwright.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The repository the benchmark measures: the nearest directory at or above the working directory holding the
 * {@code hostwright} aggregator pom beside {@code package.json} (as the emulators find it), or
 * {@code -Dhostwright.root} / {@code HOSTWRIGHT_ROOT}.
 */
public record RepositoryRoot(Path path) {

    public static final String PROBE_JAR = "infrastructure/coldstart-probe/target/hostwright-coldstart-probe.jar";
    private static final Pattern ROOT_ARTIFACT = Pattern.compile("<artifactId>\\s*hostwright\\s*</artifactId>");

    public static RepositoryRoot find() {
        String configured = System.getProperty("hostwright.root", System.getenv("HOSTWRIGHT_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return new RepositoryRoot(Path.of(configured).toAbsolutePath().normalize());
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return new RepositoryRoot(dir);
            }
        }
        throw new IllegalStateException("no Hostwright repository at or above " + start
                + "; run from the repository root or set HOSTWRIGHT_ROOT");
    }

    private static boolean isRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom) || !Files.isRegularFile(dir.resolve("package.json"))) {
            return false;
        }
        try {
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            int parentEnd = text.indexOf("</parent>");
            return ROOT_ARTIFACT.matcher(parentEnd < 0 ? text : text.substring(parentEnd)).find();
        } catch (IOException e) {
            return false;
        }
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
