package io.hostwright.benchmark.orders;

import io.hostwright.benchmark.report.Stats;

import java.util.List;
import java.util.Map;

/**
 * One batch of orders as the clients saw it.
 *
 * @param latency         every answered request, send to last byte, in ms
 * @param acceptedLatency the 202s only
 * @param otherStatuses   answers other than 202, by status code
 * @param examples        a few bodies of such answers, to say why
 * @param transportErrors requests that got no HTTP answer (connection refused, timeout)
 * @param notSent         orders skipped because the batch ran out of time
 */
public record BatchResult(int requested, int accepted, double wallMs, Stats latency, Stats acceptedLatency,
                          Map<Integer, Integer> otherStatuses, List<String> examples, int transportErrors, int notSent) {

    public int nonAccepted() {
        return otherStatuses.values().stream().mapToInt(Integer::intValue).sum();
    }

    public double acceptedPerSecond() {
        return wallMs > 0 ? accepted / (wallMs / 1000.0) : Double.NaN;
    }
}
