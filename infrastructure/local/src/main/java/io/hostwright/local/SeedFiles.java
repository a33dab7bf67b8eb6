package io.hostwright.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the demo catalog is: {@code HOSTWRIGHT_SEED}, else {@value #RELATIVE_PATH} at or above the working directory. */
final class SeedFiles {

    static final String SEED_VARIABLE = "HOSTWRIGHT_SEED";
    static final String RELATIVE_PATH = "infrastructure/local/seed/catalog.json";

    private SeedFiles() {
    }

    static Optional<Path> demoCatalog() {
        String configured = System.getenv(SEED_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(SEED_VARIABLE + " points at " + file + ", which is not a file");
            }
            return Optional.of(file);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
