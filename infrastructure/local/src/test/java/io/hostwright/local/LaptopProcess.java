package io.hostwright.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The laptop runtime as a person runs it — {@code main} with options, in a JVM of its own — for what an in-process
 * runtime cannot show: exit codes, what the terminal shows, and a process killed outright ({@link #kill()}, SIGKILL)
 * then started again on the same data folder.
 *
 * <pre>{@code
 * LaptopProcess.Ports ports = LaptopProcess.Ports.free();          // chosen once, kept for every restart
 * try (LaptopProcess run = LaptopProcess.start(ports, "--data-dir", dir.toString())) {
 *     run.awaitReady(Duration.ofMinutes(2));
 *     ... HTTP to run.apiUri() ...
 *     run.kill();
 * }
 * }</pre>
 * The emulators prefer their usual ports and take free ones when those are taken; the API and every simulator are on
 * the ports given, so the base URLs stored in connections stay valid across restarts, as on a laptop.
 */
public final class LaptopProcess implements AutoCloseable {

    private static final Pattern API_LINE = Pattern.compile("HTTP API\\s+(http://127\\.0\\.0\\.1:\\d+)");

    /** The API's port and each registered simulator's, by back-end. */
    public record Ports(int api, Map<String, Integer> simulators) {

        /** Ports free now: pass the same ones to every start on one data folder. */
        public static Ports free() {
            Map<String, Integer> simulators = new LinkedHashMap<>();
            RegisteredSimulators.ALL.forEach(l -> simulators.put(l.backend(), freePort()));
            return new Ports(freePort(), simulators);
        }
    }

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final StringBuffer errors = new StringBuffer();
    private final List<Thread> readers = new ArrayList<>();

    private LaptopProcess(Process process) {
        this.process = process;
        readers.add(drain(process.getInputStream(), output, "laptop-stdout"));
        readers.add(drain(process.getErrorStream(), errors, "laptop-stderr"));
    }

    /** Runs {@code main} with {@code args}, on {@code ports} (null: the laptop's defaults). */
    public static LaptopProcess start(Ports ports, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString()),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LocalRuntime.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // a person's shell, not the test JVM's environment (surefire sets Powertools' variables for the tests, and
        // Powertools sets every logger to POWERTOOLS_LOG_LEVEL when it is there)
        builder.environment().keySet().removeIf(name -> name.startsWith("POWERTOOLS_") || name.startsWith("AWS_")
                || name.startsWith("HOSTWRIGHT_"));
        if (ports != null) {
            builder.environment().put(LocalRuntime.PORT_VARIABLE, String.valueOf(ports.api()));
            ports.simulators().forEach((backend, port) ->
                    builder.environment().put(LocalRuntime.simulatorPortVariable(backend), String.valueOf(port)));
        }
        try {
            return new LaptopProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the laptop runtime: " + command, e);
        }
    }

    /** Waits for the banner; fails with what the process printed when it exits or takes too long instead. */
    public LaptopProcess awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!output.toString().contains("Hostwright is running")) {
            if (!process.isAlive()) {
                throw new AssertionError("the laptop runtime exited with " + process.exitValue()
                        + " before it was ready:\n" + output + "\n" + errors);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the laptop runtime was not ready within " + within + ":\n" + output
                        + "\n" + errors);
            }
            pause();
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, as the banner says. */
    public URI apiUri() {
        Matcher matcher = API_LINE.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no banner yet:\n" + output);
        }
        return URI.create(matcher.group(1));
    }

    /** Its exit code, waiting at most {@code within}. */
    public int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the laptop runtime did not exit within " + within + ":\n" + output);
            }
            readers.forEach(LaptopProcess::join);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed, as in a crash. */
    public void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.toHandle().destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        // its SES emulator (node) notices its standard input close and exits by itself; forced only if it does not
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            pause();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGTERM, as Ctrl-C: the runtime stops everything and exits. */
    public int stop() {
        // through the handle: Process.destroy() would also close the pipes, and what it prints while stopping be lost
        process.toHandle().destroy();
        return awaitExit(Duration.ofSeconds(60));
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Everything printed on standard output so far. */
    public String output() {
        return output.toString();
    }

    /** Everything printed on standard error so far. */
    public String errors() {
        return errors.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static Thread drain(InputStream stream, StringBuffer into, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    into.append(line).append('\n');
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void join(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
