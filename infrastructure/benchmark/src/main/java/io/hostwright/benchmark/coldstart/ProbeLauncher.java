package io.hostwright.benchmark.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.coldstart.ColdStartProbe;
import io.hostwright.emulators.LocalAws;
import io.hostwright.manifest.Manifest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts one fresh JVM per cold start: the probe's main class with only the function jar and the probe jar on the
 * classpath, and an environment holding nothing but what Lambda would give the function (the manifest's variables,
 * region, credentials) plus the emulator endpoints, quiet Powertools logs and local EMF metrics.
 */
final class ProbeLauncher {

    private static final String PROBE_MAIN = "io.hostwright.coldstart.ColdStartProbe";

    private final LocalAws aws;
    private final Path java;
    private final Path workDirectory;
    private final Duration timeout;
    private final PendingServices pendingServices;

    ProbeLauncher(LocalAws aws, Path workDirectory, Duration timeout, PendingServices pendingServices) {
        this.aws = aws;
        this.pendingServices = pendingServices;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
        this.workDirectory = workDirectory;
        this.timeout = timeout;
    }

    /** The environment of the function's JVM, as real environment variables. */
    Map<String, String> environment(ColdStartTarget target, JvmMode mode) {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        if (path != null) {
            env.put("PATH", path);
        }
        if (target.function() != null) {
            env.putAll(Manifest.environmentFor(target.function(), aws.resourceNames()));
        }
        env.put("AWS_REGION", LocalAws.REGION);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoDbEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", aws.sqsEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SES", aws.sesEndpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_ACCESS_KEY);
        env.put("AWS_EMF_ENVIRONMENT", "Local");
        env.put("POWERTOOLS_LOG_LEVEL", "WARN");
        mode.javaToolOptions().ifPresent(options -> env.put("JAVA_TOOL_OPTIONS", options));
        return env;
    }

    List<String> command(ColdStartTarget target, Path eventFile) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-cp");
        command.add(target.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(PROBE_MAIN);
        command.add(target.handler());
        command.add(target.event().eventType());
        command.add(eventFile.toString());
        command.add(target.function() == null ? "bare" : target.function().name());
        command.add(String.valueOf(target.memoryMb()));
        command.add(String.valueOf(target.timeoutSeconds()));
        return command;
    }

    ProbeResult launch(ColdStartTarget target, JvmMode mode, int run) {
        String tag = target.name().replace(' ', '-') + "-" + mode.name().toLowerCase() + "-run" + run;
        Path eventFile = target.event().freshCopy(tag, workDirectory.resolve("events"));
        List<String> begun = pendingServices.prepare(eventFile);
        Path log = workDirectory.resolve("logs").resolve(tag + ".log");
        ProcessBuilder builder = new ProcessBuilder(command(target, eventFile))
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(target, mode));

        long spawnedAtEpochMs;
        long started;
        Process process;
        try {
            Files.createDirectories(log.getParent());
            spawnedAtEpochMs = System.currentTimeMillis();
            started = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            return ProbeResult.failed(target.name(), mode, run, eventFile.toString(), Double.NaN,
                    "could not start " + java + ": " + e.getMessage(), log);
        }
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            double processMs = (System.nanoTime() - started) / 1_000_000.0;
            if (!exited) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return ProbeResult.failed(target.name(), mode, run, eventFile.toString(), processMs,
                        "no result within " + timeout.toSeconds() + " s; killed (see " + log + ")", log);
            }
            ProbeResult result = result(target, mode, run, eventFile, spawnedAtEpochMs, processMs, log);
            return begun.isEmpty() || !result.succeeded() ? result
                    : result.withAnswer(result.answer() + ", service " + pendingServices.statuses(begun));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + target.name() + " ran", e);
        }
    }

    private static ProbeResult result(ColdStartTarget target, JvmMode mode, int run, Path eventFile,
                                      long spawnedAtEpochMs, double processMs, Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ProbeResult.failed(target.name(), mode, run, eventFile.toString(), processMs,
                    "cannot read " + log + ": " + e.getMessage(), log);
        }
        for (String line : lines.reversed()) {
            if (line.startsWith(ColdStartProbe.RESULT_PREFIX)) {
                try {
                    JsonNode json = SampleEvent.MAPPER.readTree(line);
                    return ProbeResult.parse(target.name(), mode, run, eventFile.toString(), spawnedAtEpochMs,
                            processMs, json, log);
                } catch (IOException e) {
                    return ProbeResult.failed(target.name(), mode, run, eventFile.toString(), processMs,
                            "unreadable probe line: " + e.getMessage(), log);
                }
            }
        }
        String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return ProbeResult.failed(target.name(), mode, run, eventFile.toString(), processMs,
                "the probe printed no result (" + tail + ")", log);
    }
}
