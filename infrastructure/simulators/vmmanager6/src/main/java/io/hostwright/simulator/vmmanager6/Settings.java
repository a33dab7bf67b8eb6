package io.hostwright.simulator.vmmanager6;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What can change while the simulator runs.
 *
 * @param taskDuration  how long a task runs (simulator clock) unless {@code taskDurations} names its own
 * @param taskDurations per task name (see {@link TaskNames}), overriding {@code taskDuration}
 * @param tokenTtl      how long an auth token is good for after it was issued (simulator clock)
 * @param latency       added to every API call (not to the control API)
 * @param errorRate     fraction (0..1) of API calls answered 500 at random, without running them
 */
public record Settings(Duration taskDuration, Map<String, Duration> taskDurations, Duration tokenTtl,
                       Duration latency, double errorRate) {

    public Settings {
        Objects.requireNonNull(taskDuration, "taskDuration");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        Objects.requireNonNull(latency, "latency");
        taskDurations = Map.copyOf(taskDurations == null ? Map.of() : taskDurations);
        taskDurations.keySet().forEach(TaskNames::check);
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be within 0..1, got " + errorRate);
        }
        if (taskDuration.isNegative() || latency.isNegative()
                || taskDurations.values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive, got " + tokenTtl);
        }
    }

    /** Laptop pace: every task takes 5 s, tokens last an hour, no latency, no random errors. */
    public static Settings laptop() {
        return new Settings(Duration.ofSeconds(5), Map.of(), Duration.ofHours(1), Duration.ZERO, 0);
    }

    /** Test pace: every task takes 200 ms. */
    public static Settings tests() {
        return laptop().withTaskDuration(Duration.ofMillis(200));
    }

    public Duration durationOf(String taskName) {
        return taskDurations.getOrDefault(taskName, taskDuration);
    }

    /** Every task takes {@code d}: per-name durations are dropped. */
    public Settings withTaskDuration(Duration d) {
        return new Settings(d, Map.of(), tokenTtl, latency, errorRate);
    }

    public Settings withTaskDuration(String taskName, Duration d) {
        Map<String, Duration> durations = new TreeMap<>(taskDurations);
        durations.put(TaskNames.check(taskName), Objects.requireNonNull(d, "duration"));
        return new Settings(taskDuration, durations, tokenTtl, latency, errorRate);
    }

    public Settings withTokenTtl(Duration d) {
        return new Settings(taskDuration, taskDurations, d, latency, errorRate);
    }

    public Settings withLatency(Duration d) {
        return new Settings(taskDuration, taskDurations, tokenTtl, d, errorRate);
    }

    public Settings withErrorRate(double rate) {
        return new Settings(taskDuration, taskDurations, tokenTtl, latency, rate);
    }
}
