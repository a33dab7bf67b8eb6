package io.hostwright.domain.template;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One template sync of one connection, as staff list it: what started it, when it ran, what it changed, the stock it
 * read, or why it failed.
 *
 * @param trigger  {@code schedule} (the hourly run) or {@code staff} (run now)
 * @param added    templates new upstream, or back after being gone
 * @param updated  templates whose upstream name or id changed
 * @param removed  templates found gone upstream
 * @param warnings what staff should know though the run succeeded (an upstream template the catalog refuses)
 * @param stock    products of the connection → units the back-end could deliver now, for back-ends holding stock
 */
public record SyncRun(String connectionId, String runId, String trigger, Status status, Instant requestedAt,
                      Instant startedAt, Instant finishedAt, int added, int updated, int removed, int unchanged,
                      String error, List<String> warnings, Map<String, Integer> stock) {

    public enum Status { QUEUED, SUCCEEDED, FAILED }

    public static final String SCHEDULE = "schedule";
    public static final String STAFF = "staff";

    public SyncRun {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stock = stock == null ? Map.of() : Map.copyOf(stock);
    }

    /** A run staff asked for, not started yet. */
    public static SyncRun queued(String connectionId, String runId, Instant at) {
        return new SyncRun(connectionId, runId, STAFF, Status.QUEUED, at, null, null, 0, 0, 0, 0, null, null, null);
    }

    public boolean finished() {
        return status != Status.QUEUED;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
