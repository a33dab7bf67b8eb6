package io.hostwright.infrastructure.cdk;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root is the directory holding {@code cdk.json}: the CLI runs the app there, Maven runs tests below it. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path locate() {
        return locateFrom(Path.of(System.getProperty("user.dir")));
    }

    public static Path locateFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No cdk.json in " + start.toAbsolutePath() + " or any parent: run from the repository");
    }
}
