package io.hostwright.domain.template;

import java.util.List;
import java.util.Optional;

/** Port: the sync runs of each connection, kept for a few weeks. */
public interface SyncRuns {

    /** Stores a run, replacing the record of the same run (queued → finished). */
    void record(SyncRun run);

    Optional<SyncRun> find(String connectionId, String runId);

    /** The connection's latest runs, newest first (run ids sort by time). */
    List<SyncRun> latest(String connectionId, int limit);

    /** Removes every run of a connection (the connection is deleted). */
    void deleteAll(String connectionId);
}
