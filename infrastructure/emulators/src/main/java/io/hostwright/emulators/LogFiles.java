package io.hostwright.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where child processes write, so their output stays out of test logs but is at hand when they fail. */
final class LogFiles {

    private LogFiles() {
    }

    /** {@code target/emulators/NAME.log} under the working directory when it is a Maven module, else the temp dir. */
    static Path path(String name) {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Path dir = Files.isDirectory(target) ? target.resolve("emulators")
                : Path.of(System.getProperty("java.io.tmpdir"), "hostwright-emulators");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + dir, e);
        }
        return dir.resolve(name + ".log");
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
