package io.hostwright.benchmark.coldstart;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cold start as the probe reported it, plus what only the parent can see: how long the process lived and how
 * long the JVM took to reach the probe's {@code main}. Times in milliseconds; NaN where a phase did not happen.
 *
 * @param answer short form of the first answer: {@code HTTP 202}, {@code 0 of 1 failed}, or the JSON itself
 */
public record ProbeResult(String target, JvmMode mode, int run, String eventFile, double jvmToMainMs, double initMs,
                          double deserializeMs, double handleMs, double serializeMs, double firstInvokeMs,
                          double processMs, String answer, String error, Path log) {

    private static final Pattern STATUS_CODE = Pattern.compile("^\\{\"statusCode\":(\\d{3})");

    public boolean succeeded() {
        return error == null;
    }

    /** The same run with more said about its answer, e.g. what became of the service it worked on. */
    ProbeResult withAnswer(String newAnswer) {
        return new ProbeResult(target, mode, run, eventFile, jvmToMainMs, initMs, deserializeMs, handleMs, serializeMs,
                firstInvokeMs, processMs, newAnswer, error, log);
    }

    /** What a caller waits for beyond starting the JVM: the handler built and the first answer serialized. */
    public double initPlusFirstInvokeMs() {
        return initMs + firstInvokeMs;
    }

    static ProbeResult parse(String target, JvmMode mode, int run, String eventFile, long spawnedAtEpochMs,
                             double processMs, JsonNode line, Path log) {
        String answer = answer(line.path("output").asText(null));
        String error = line.hasNonNull("error") ? line.get("error").asText() : null;
        return new ProbeResult(target, mode, run, eventFile,
                line.has("mainAtEpochMs") ? line.get("mainAtEpochMs").asLong() - spawnedAtEpochMs : Double.NaN,
                number(line, "initMs"), number(line, "deserializeMs"), number(line, "handleMs"),
                number(line, "serializeMs"), number(line, "firstInvokeMs"), processMs, answer, error, log);
    }

    static ProbeResult failed(String target, JvmMode mode, int run, String eventFile, double processMs, String error,
                              Path log) {
        return new ProbeResult(target, mode, run, eventFile, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, processMs, "-", error, log);
    }

    private static double number(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value != null && value.isNumber() ? value.asDouble() : Double.NaN;
    }

    static String answer(String output) {
        if (output == null) {
            return "-";
        }
        // the probe sends at most 600 characters, so the JSON may be cut: look for the fields, do not parse
        Matcher status = STATUS_CODE.matcher(output);
        if (status.find()) {
            return "HTTP " + status.group(1);
        }
        if (output.startsWith("{\"batchItemFailures\":[]")) {
            return "no batch item failures";
        }
        if (output.startsWith("{\"batchItemFailures\":")) {
            return "batch item failures: " + (output.split("itemIdentifier", -1).length - 1);
        }
        String compact = output.replaceAll("\\s+", " ");
        return compact.length() > 40 ? compact.substring(0, 37) + "..." : compact;
    }
}
