package io.hostwright.benchmark.coldstart;

import io.hostwright.benchmark.report.Stats;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** All runs of one function in one JVM mode, summarised by medians over the runs that succeeded. */
public record ColdStartRow(String target, String handler, String jar, long jarBytes, JvmMode mode, String eventSource,
                           boolean eventBuiltInCode, List<ProbeResult> runs) {

    public ColdStartRow {
        runs = List.copyOf(runs);
    }

    public List<ProbeResult> succeeded() {
        return runs.stream().filter(ProbeResult::succeeded).toList();
    }

    public int failures() {
        return runs.size() - succeeded().size();
    }

    public double median(ToDoubleFunction<ProbeResult> figure) {
        return Stats.median(succeeded().stream().mapToDouble(figure).filter(d -> !Double.isNaN(d)).boxed().toList());
    }

    public double min(ToDoubleFunction<ProbeResult> figure) {
        return succeeded().stream().mapToDouble(figure).filter(d -> !Double.isNaN(d)).min().orElse(Double.NaN);
    }

    public double max(ToDoubleFunction<ProbeResult> figure) {
        return succeeded().stream().mapToDouble(figure).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }

    /** The answers the first invocations gave, distinct, e.g. {@code HTTP 202}. */
    public String answers() {
        List<String> distinct = runs.stream()
                .map(r -> r.succeeded() ? r.answer() : "error")
                .distinct().toList();
        return String.join(" / ", distinct);
    }
}
