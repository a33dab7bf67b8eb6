package io.hostwright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.emulators.LocalAws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one folder the laptop runtime keeps everything in across restarts, held by one runtime at a time:
 *
 * <pre>
 *   .hostwright-data            marks the folder as ours (--fresh wipes only a folder that has it)
 *   .lock                       held while a runtime uses the folder; the system lets go when the process dies
 *   dynamodb/                   DynamoDB Local's SQLite file: the table (services, orders, idempotency keys, …)
 *   sqs/                        ElasticMQ's H2 database: queues and their messages
 *   ses/mail.jsonl              the SES emulator's sent mail
 *   simulators/&lt;back-end&gt;.json  each back-end simulator's state
 *   runtime.json                when the demo seed was loaded, and the simulators' URLs last time
 *   jwt-signing-key.pem         the key /local/token signs with, so tokens outlive a restart
 *   ses-events.cursor           the last mail published as SES's "Email Sent" event
 * </pre>
 */
public final class DataFolder implements AutoCloseable {

    /** The folder unless {@code --data-dir} or {@value #VARIABLE} says otherwise: beside the repository's sources. */
    public static final String DEFAULT_RELATIVE = ".hostwright/data";
    public static final String VARIABLE = "HOSTWRIGHT_DATA_DIR";
    static final String MARKER = ".hostwright-data";
    static final String LOCK = ".lock";
    static final String SIMULATORS = "simulators";
    static final String RUNTIME = "runtime.json";
    static final String JWT_SIGNING_KEY = "jwt-signing-key.pem";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean isNew;

    private DataFolder(Path root, FileChannel lockChannel, FileLock lock, boolean isNew) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.isNew = isNew;
    }

    /**
     * Takes the folder for this runtime, creating it when missing; with {@code fresh}, empties it first.
     *
     * @throws IllegalStateException when another runtime holds it, or it is a folder of something else
     */
    public static DataFolder open(Path folder, boolean fresh) {
        Path root = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data folder " + root + ": " + e.getMessage(), e);
        }
        boolean marked = Files.isRegularFile(root.resolve(MARKER));
        if (!marked && !isEmpty(root)) {
            throw new IllegalStateException(root + " is not empty and is not a Hostwright data folder (it has no "
                    + MARKER + "); choose an empty or new folder with --data-dir");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("another Hostwright runtime uses the data folder " + root
                        + "; stop it first, or give this one another folder with --data-dir");
            }
            if (fresh) {
                wipe(root);
            }
            boolean isNew = fresh || !marked;
            if (isNew) {
                Files.writeString(root.resolve(MARKER), "Hostwright laptop runtime data, kept across restarts; "
                        + "--fresh empties this folder (" + Instant.now() + ")\n", StandardCharsets.UTF_8);
            }
            return new DataFolder(root, channel, lock, isNew);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot take the data folder " + root, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Nothing in it but, maybe, a lock file left by a start killed before it marked the folder. */
    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(LOCK));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Everything but the lock file goes. */
    private static void wipe(Path root) throws IOException {
        Path lockFile = root.resolve(LOCK);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!file.equals(lockFile)) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (!dir.equals(root)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public Path root() {
        return root;
    }

    /** Whether nothing was kept here before this start (a new folder, or one just wiped). */
    public boolean isNew() {
        return isNew;
    }

    /** Where the emulators keep their data ({@link LocalAws#start(LocalAws.Ports, Path)}). */
    public Path emulators() {
        return root;
    }

    /** Where {@code backend}'s simulator keeps its state. */
    public Path simulatorState(String backend) {
        return root.resolve(SIMULATORS).resolve(backend + ".json");
    }

    /** Where the laptop's SES event publishing is up to. */
    public Path sesEventCursor() {
        return root.resolve("ses-events.cursor");
    }

    /** The key the laptop's token endpoint signs with. */
    public Path jwtSigningKey() {
        return root.resolve(JWT_SIGNING_KEY);
    }

    /** When the demo seed was loaded into this folder; empty until it was. */
    public Optional<Instant> seededAt() {
        return Optional.ofNullable(runtimeRecord().get("seededAt")).filter(JsonNode::isTextual)
                .map(n -> Instant.parse(n.asText()));
    }

    public void recordSeeded(Instant at) {
        ObjectNode record = runtimeRecord();
        record.put("seededAt", at.toString());
        writeRuntimeRecord(record);
    }

    /** The simulators' base URLs at the last start, by back-end. */
    public Map<String, String> lastSimulatorUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        runtimeRecord().path("simulators").properties().forEach(e -> urls.put(e.getKey(), e.getValue().asText()));
        return urls;
    }

    public void recordSimulatorUrls(Map<String, String> urls) {
        ObjectNode record = runtimeRecord();
        ObjectNode simulators = record.putObject("simulators");
        urls.forEach(simulators::put);
        writeRuntimeRecord(record);
    }

    private ObjectNode runtimeRecord() {
        Path file = root.resolve(RUNTIME);
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode read = JSON.readTree(file.toFile());
            return read instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private void writeRuntimeRecord(ObjectNode record) {
        Path file = root.resolve(RUNTIME);
        Path temporary = root.resolve(RUNTIME + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), record);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Lets the next runtime have the folder. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel below closes regardless, which releases the lock too
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
