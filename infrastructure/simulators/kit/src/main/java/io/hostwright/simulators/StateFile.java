package io.hostwright.simulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a simulator keeps its state across restarts: one file holding the whole state as text (each simulator
 * writes its own JSON), replaced whole on every change.
 *
 * <p>A simulator reads it once at start ({@link #read()}) and hands it every state it reaches ({@link #save}),
 * under its own lock and before it answers the call that changed it — so what a client was told happened is on disk
 * before the client hears it. {@link #save} writes only when the state differs from the last one written, to a
 * temporary file beside it that is then moved over the old one atomically: a process killed at any moment leaves
 * either the old state or the new one, never half of one. (A killed process loses nothing the operating system was
 * given; a power cut may lose the last writes, as nothing is forced to the disk.)
 */
public final class StateFile {

    private final Path file;
    private final Path temporary;
    private String lastWritten;

    private StateFile(Path file) {
        this.file = file.toAbsolutePath();
        this.temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    }

    /** The state kept at {@code file}; its directory is created when the first state is written. */
    public static StateFile at(Path file) {
        return new StateFile(Objects.requireNonNull(file, "file"));
    }

    public Path path() {
        return file;
    }

    /** The last state written, empty when none was (a first start, or after the file was deleted). */
    public synchronized Optional<String> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            lastWritten = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(lastWritten);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator state " + file, e);
        }
    }

    /** Keeps {@code state} in place of the last one, unless it is the same. */
    public synchronized void save(String state) {
        Objects.requireNonNull(state, "state");
        if (state.equals(lastWritten)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temporary, state, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            lastWritten = state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator state " + file, e);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
