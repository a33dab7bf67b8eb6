package io.hostwright.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The npm package {@code aws-ses-v2-local} run by Node as a child process on {@code 127.0.0.1}: it accepts SES v2
 * {@code SendEmail} (simple, raw, templated) and keeps what was sent, which tests read back with {@link #sentEmails()}.
 *
 * <p>The process is stopped, with anything it started, on {@link #close()}; failing that, by a shutdown hook when the
 * JVM exits; and if the JVM is killed, Node notices its standard input close and exits by itself. Its output goes to
 * {@link #logFile()}; the last lines are quoted if it fails to start.
 */
public final class SesEmulator implements AutoCloseable {

    /** The port aws-ses-v2-local uses by default; the laptop runtime prefers it. */
    public static final int CONVENTIONAL_PORT = 8005;

    static final String CLI = "node_modules/aws-ses-v2-local/dist/cli.js";
    private static final String READY_LINE = "server running at";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Runs the CLI ({@code process.argv[1]}, so its own argument parsing sees what {@code node cli.js ...} would give
     * it) and exits when its standard input closes, which happens when this JVM dies in any way, even by
     * {@code kill -9}, when no shutdown hook runs.
     */
    private static final String EXIT_WITH_PARENT = "process.stdin.on('end', () => process.exit(0));"
            + "process.stdin.on('error', () => process.exit(0));"
            + "process.stdin.resume();"
            + "require(process.argv[1]);";
    /**
     * Run before the CLI when mail is to be kept (variable {@value #STORE_VARIABLE} names the file): the emulator's
     * own store is in memory only, so what it held is read back from a JSON-lines journal, and every change — a mail
     * sent, a template set or deleted, the store cleared — is appended to it synchronously before the emulator
     * answers. A line cut short by a kill is skipped when read.
     */
    private static final String KEEP_STORE = """
            const fs = require('fs');
            const path = require('path');
            const file = process.env.HOSTWRIGHT_SES_STORE;
            const store = require(path.join(path.dirname(process.argv[1]), 'store.js'));
            const held = store.getStoreReadonly();
            if (fs.existsSync(file)) {
              for (const line of fs.readFileSync(file, 'utf8').split('\\n')) {
                if (!line.trim()) continue;
                let entry;
                try { entry = JSON.parse(line); } catch (e) { continue; }
                if (entry.email) held.emails.push(entry.email);
                else if (entry.template) held.templates.set(entry.template.key, entry.template.value);
                else if (entry.deletedTemplate) held.templates.delete(entry.deletedTemplate);
                else if (entry.cleared) { held.emails.length = 0; held.templates.clear(); }
              }
            }
            const journal = (entry) => fs.appendFileSync(file, JSON.stringify(entry) + '\\n');
            const saveEmail = store.saveEmail, setTemplate = store.setTemplate, deleteTemplate = store.deleteTemplate,
                clearStore = store.clearStore;
            store.saveEmail = (email) => { journal({ email }); return saveEmail(email); };
            store.setTemplate = (key, value) => { journal({ template: { key, value } }); return setTemplate(key, value); };
            store.deleteTemplate = (key) => { journal({ deletedTemplate: key }); return deleteTemplate(key); };
            store.clearStore = () => { fs.writeFileSync(file, ''); return clearStore(); };
            """;
    /** The environment variable naming the file the emulator keeps its mail and templates in. */
    static final String STORE_VARIABLE = "HOSTWRIGHT_SES_STORE";

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Path storeFile;
    private final HttpClient http;
    private final Thread shutdownHook;

    private SesEmulator(Process process, int port, Path logFile, Path storeFile, HttpClient http, Thread shutdownHook) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.storeFile = storeFile;
        this.http = http;
        this.shutdownHook = shutdownHook;
    }

    /** Starts on a free port, from the repository found above the working directory. */
    public static SesEmulator start() {
        return start(0);
    }

    /** Starts on {@code preferredPort}, or on a free port when that one is taken; {@code 0} means any free port. */
    public static SesEmulator start(int preferredPort) {
        return start(NodeTooling.repositoryRoot(), preferredPort, null);
    }

    /**
     * Starts on {@code preferredPort} (or a free one), keeping sent mail and templates in {@code storeFile} when it is
     * not null: what an earlier emulator kept there is held again, and every mail is written there before
     * {@code SendEmail} is answered.
     */
    public static SesEmulator start(int preferredPort, Path storeFile) {
        return start(NodeTooling.repositoryRoot(), preferredPort, storeFile);
    }

    /**
     * Starts from {@code repositoryRoot}, running {@code npm ci} (then {@code npm install}) there first when
     * {@code node_modules} lacks the emulator.
     */
    public static SesEmulator start(Path repositoryRoot, int preferredPort) {
        return start(repositoryRoot, preferredPort, null);
    }

    /** As {@link #start(Path, int)}, keeping mail in {@code storeFile} when it is not null. */
    public static SesEmulator start(Path repositoryRoot, int preferredPort, Path storeFile) {
        if (storeFile != null) {
            storeFile = storeFile.toAbsolutePath();
            try {
                Files.createDirectories(storeFile.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the SES emulator's directory " + storeFile.getParent(), e);
            }
        }
        Path cli = NodeTooling.installedFile(repositoryRoot, CLI);
        boolean preferred = preferredPort != 0 && Loopback.isFree(preferredPort);
        for (int attempt = 1; ; attempt++) {
            int port = preferred ? preferredPort : Loopback.freePort();
            try {
                return launch(repositoryRoot, cli, port, storeFile);
            } catch (PortTakenException e) {
                // another process bound the port between the check and Node's listen
                if (attempt == PORT_ATTEMPTS) {
                    throw new EmulatorStartException("the SES emulator found its port taken " + PORT_ATTEMPTS + " times", e);
                }
                preferred = false;
            }
        }
    }

    private static SesEmulator launch(Path root, Path cli, int port, Path storeFile) {
        Path log = LogFiles.path("aws-ses-v2-local-" + port);
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "-e",
                    (storeFile == null ? "" : KEEP_STORE) + EXIT_WITH_PARENT, cli.toString(),
                    "--host", Loopback.HOST, "--port", String.valueOf(port))
                    .directory(root.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            if (storeFile != null) {
                builder.environment().put(STORE_VARIABLE, storeFile.toString());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new EmulatorStartException("could not run node (is it on the PATH?): " + e.getMessage(), e);
        }
        Thread hook = new Thread(() -> ChildProcesses.stop(process), "ses-emulator-stop-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        SesEmulator emulator = new SesEmulator(process, port, log, storeFile, http, hook);
        try {
            emulator.awaitReady();
            return emulator;
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = LogFiles.tail(logFile, 20);
                if (output.contains("EADDRINUSE")) {
                    throw new PortTakenException(port);
                }
                throw new EmulatorStartException("the SES emulator exited with " + process.exitValue()
                        + " before it was ready; last output (" + logFile + "):\n" + output);
            }
            // the ready line proves our process bound the port; the health check that it answers
            if (LogFiles.tail(logFile, 5).contains(READY_LINE) && isHealthy()) {
                return;
            }
            pause();
        }
        throw new EmulatorStartException("the SES emulator was not ready within " + STARTUP_TIMEOUT
                + "; last output (" + logFile + "):\n" + LogFiles.tail(logFile, 20));
    }

    private boolean isHealthy() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(endpoint().resolve("/health-check")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorStartException("interrupted while waiting for the SES emulator");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorStartException("interrupted while waiting for the SES emulator");
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return Loopback.uri(port);
    }

    /** The Node process, to check that it is gone after {@link #close()}. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public Path logFile() {
        return logFile;
    }

    /** Where sent mail is kept across restarts; empty when it is kept in memory only. */
    public java.util.Optional<Path> storeFile() {
        return java.util.Optional.ofNullable(storeFile);
    }

    /** Every mail accepted since start or the last {@link #clear()}, oldest first. */
    public List<SentEmail> sentEmails() {
        return parseEmails(get("/store"));
    }

    /**
     * Mails accepted at or after {@code since}. The emulator stamps mails in whole seconds, so a mail sent earlier
     * within the same second as {@code since} is included too.
     */
    public List<SentEmail> sentEmailsSince(Instant since) {
        return parseEmails(get("/store?since=" + since.getEpochSecond()));
    }

    /** Forgets every sent mail, and every template created through the SES API. */
    public void clear() {
        send(HttpRequest.newBuilder(endpoint().resolve("/clear-store"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(REQUEST_TIMEOUT).build());
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(endpoint().resolve(path)).GET().timeout(REQUEST_TIMEOUT).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SES emulator answered " + response.statusCode() + " to "
                        + request.method() + " " + request.uri() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("SES emulator did not answer " + request.method() + " " + request.uri()
                    + (process.isAlive() ? "" : " (it has exited; log " + logFile + ")"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the SES emulator", e);
        }
    }

    static List<SentEmail> parseEmails(String storeJson) {
        JsonNode emails;
        try {
            emails = JSON.readTree(storeJson).path("emails");
        } catch (IOException e) {
            throw new IllegalStateException("SES emulator store is not JSON: " + storeJson, e);
        }
        List<SentEmail> parsed = new ArrayList<>();
        for (JsonNode email : emails) {
            JsonNode destination = email.path("destination");
            parsed.add(new SentEmail(
                    textOrNull(email.path("messageId")),
                    textOrNull(email.path("from")),
                    strings(destination.path("to")),
                    strings(destination.path("cc")),
                    strings(destination.path("bcc")),
                    strings(email.path("replyTo")),
                    textOrNull(email.path("subject")),
                    textOrNull(email.path("body").path("text")),
                    textOrNull(email.path("body").path("html")),
                    headers(email.path("headers")),
                    Instant.ofEpochSecond(email.path("at").asLong())));
        }
        return List.copyOf(parsed);
    }

    /** The custom headers the message was sent with ({@code [{"name":…,"value":…}]}), by name. */
    private static Map<String, String> headers(JsonNode array) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (JsonNode header : array) {
            if (header.path("name").isTextual() && header.path("value").isTextual()) {
                headers.put(header.path("name").asText(), header.path("value").asText());
            }
        }
        return headers;
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Stops the Node process and anything it started. */
    @Override
    public void close() {
        ChildProcesses.stop(process);
        http.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook, which finds the process stopped
        }
    }

    private static final class PortTakenException extends RuntimeException {
        PortTakenException(int port) {
            super("port " + port + " was taken");
        }
    }
}
