package io.hostwright.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Finds the repository's Node tooling (root {@code package.json}, {@code node_modules}) and installs it when a fresh
 * clone has none yet.
 */
final class NodeTooling {

    /** Overrides where the repository root is, for a runtime started outside the work tree. */
    static final String ROOT_PROPERTY = "hostwright.root";
    static final String ROOT_VARIABLE = "HOSTWRIGHT_ROOT";

    /** Told what a first start is doing while it installs (the laptop runtime prints it); standard output unless set. */
    static volatile Consumer<String> progress = System.out::println;

    private static final Pattern ROOT_ARTIFACT = Pattern.compile("<artifactId>\\s*hostwright\\s*</artifactId>");
    private static final long INSTALL_TIMEOUT_MINUTES = 10;

    private NodeTooling() {
    }

    /**
     * The repository root: the nearest directory, from the working directory up, that holds a {@code package.json}
     * beside a {@code pom.xml} whose own artifactId is {@code hostwright} (the aggregator).
     */
    static Path repositoryRoot() {
        String configured = System.getProperty(ROOT_PROPERTY, System.getenv(ROOT_VARIABLE));
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve("package.json"))) {
                throw new EmulatorStartException(ROOT_PROPERTY + "/" + ROOT_VARIABLE + " points at " + root
                        + ", which has no package.json");
            }
            return root;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRepositoryRoot(dir)) {
                return dir;
            }
        }
        throw new EmulatorStartException("no Hostwright repository root (package.json beside the hostwright pom.xml) at or above "
                + start + "; set -D" + ROOT_PROPERTY + " or " + ROOT_VARIABLE);
    }

    private static boolean isRepositoryRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(dir.resolve("package.json")) || !Files.isRegularFile(pom)) {
            return false;
        }
        try {
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            // the project's own artifactId comes after the <parent> block, if there is one
            int parentEnd = text.indexOf("</parent>");
            return ROOT_ARTIFACT.matcher(parentEnd < 0 ? text : text.substring(parentEnd)).find();
        } catch (IOException e) {
            return false;
        }
    }

    /** The path of an installed package's file, installing the root's Node packages first when it is missing. */
    static Path installedFile(Path root, String relativePath) {
        Path file = root.resolve(relativePath);
        if (Files.isRegularFile(file)) {
            return file;
        }
        synchronized (NodeTooling.class) {
            try (FileChannel channel = FileChannel.open(lockFile(root), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                // another JVM (a parallel module build) may have installed while this one waited for the lock
                if (!Files.isRegularFile(file)) {
                    install(root);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not lock the Node package install of " + root, e);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new EmulatorStartException("npm finished but " + file + " is still missing");
        }
        return file;
    }

    private static Path lockFile(Path root) {
        return Path.of(System.getProperty("java.io.tmpdir"),
                "hostwright-npm-" + Integer.toHexString(root.toString().hashCode()) + ".lock");
    }

    private static void install(Path root) {
        Path log = LogFiles.path("npm-install");
        long started = System.nanoTime();
        progress.accept("first start: installing the Node tools the SES emulator needs (npm ci in " + root
                + ", about a minute; output in " + log + ")…");
        String ci = runNpm(root, log, List.of("npm", "ci", "--no-audit", "--no-fund"));
        if (ci == null) {
            progress.accept("Node tools installed in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
            return;
        }
        progress.accept("npm ci did not succeed; trying npm install…");
        String plain = runNpm(root, log, List.of("npm", "install", "--no-audit", "--no-fund"));
        if (plain == null) {
            progress.accept("Node tools installed in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
        } else {
            throw new EmulatorStartException("npm ci and npm install both failed in " + root + " (log " + log + "):\n"
                    + ci + "\n---\n" + plain);
        }
    }

    /** Runs npm; null when it succeeded, else what went wrong with the end of its output. */
    private static String runNpm(Path root, Path log, List<String> command) {
        try {
            Process npm = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!npm.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                ChildProcesses.stop(npm);
                return String.join(" ", command) + " took longer than " + INSTALL_TIMEOUT_MINUTES + " minutes";
            }
            return npm.exitValue() == 0 ? null
                    : String.join(" ", command) + " exited " + npm.exitValue() + ":\n" + LogFiles.tail(log, 20);
        } catch (IOException e) {
            return String.join(" ", command) + " could not run (is npm on the PATH?): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + " was interrupted";
        }
    }
}
