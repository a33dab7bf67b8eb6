package io.hostwright.domain.template;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.ids.IdGenerator;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use case (staff): a connection's OS templates — list them, rename, re-sort, tag, enable or disable one — and its
 * sync: run it now, list its runs. Staff's edits touch only staff's fields, so a sync running meanwhile keeps them.
 */
public final class ManageTemplates {

    /** Runs listed at most. */
    public static final int RUNS_LISTED = 50;

    /**
     * A template as staff see it.
     *
     * @param lastSeen when a sync last found it upstream: the end of the last successful run for one still offered,
     *                 of the last successful run before it went for one gone; null when no such run is recorded
     */
    public record View(ConnectionTemplate template, Instant lastSeen) {
    }

    private final BackendRegistry backends;
    private final ConnectionRepository connections;
    private final ConnectionTemplates templates;
    private final SyncRuns runs;
    private final SyncRequests requests;
    private final IdGenerator ids;
    private final Clock clock;

    public ManageTemplates(BackendRegistry backends, ConnectionRepository connections, ConnectionTemplates templates,
                           SyncRuns runs, SyncRequests requests, IdGenerator ids, Clock clock) {
        this.backends = backends;
        this.connections = connections;
        this.templates = templates;
        this.runs = runs;
        this.requests = requests;
        this.ids = ids;
        this.clock = clock;
    }

    public List<View> list(String connectionId) {
        connection(connectionId);
        List<SyncRun> succeeded = succeededRuns(connectionId);
        return templates.list(connectionId).stream().sorted(OfferedTemplates.LISTED)
                .map(t -> new View(t, lastSeen(t, succeeded))).toList();
    }

    private List<SyncRun> succeededRuns(String connectionId) {
        return runs.latest(connectionId, RUNS_LISTED).stream()
                .filter(r -> r.status() == SyncRun.Status.SUCCEEDED).toList();
    }

    public View edit(String connectionId, String templateId, TemplateEdit edit) {
        connection(connectionId);
        if (edit.isEmpty()) {
            throw InvalidRequest.of("body", "give at least one of displayName, sortOrder, tags, enabled");
        }
        ConnectionTemplate current = templates.find(connectionId, templateId)
                .orElseThrow(() -> new NotFound("template", templateId));
        ConnectionTemplate edited = current.editedByStaff(
                edit.displayName() == null ? current.displayName() : edit.displayName().strip(),
                edit.sortOrder() == null ? current.sortOrder() : edit.sortOrder(),
                edit.tags() == null ? current.tags() : edit.tags(),
                edit.enabled() == null ? current.disabledByStaff() : !edit.enabled());
        if (!templates.updateByStaff(edited)) {
            throw new NotFound("template", templateId);
        }
        ConnectionTemplate stored = templates.find(connectionId, templateId)
                .orElseThrow(() -> new NotFound("template", templateId));
        return new View(stored, lastSeen(stored, succeededRuns(connectionId)));
    }

    /** Queues a run of the connection's sync now; staff follow it in the runs. */
    public SyncRun syncNow(String connectionId) {
        Connection connection = connection(connectionId);
        Backend backend = backends.require(connection.backend());
        if (!SyncTemplates.syncable(backend)) {
            throw new Conflict("connectionId", "the " + backend.displayName()
                    + " back-end has no OS templates or stock to sync");
        }
        SyncRun queued = SyncRun.queued(connectionId, ids.next("run"), clock.instant());
        runs.record(queued);
        requests.request(List.of(new SyncRequest(connectionId, queued.runId(), SyncRun.STAFF)));
        return queued;
    }

    public SyncRun run(String connectionId, String runId) {
        connection(connectionId);
        return runs.find(connectionId, runId).orElseThrow(() -> new NotFound("sync run", runId));
    }

    public List<SyncRun> runs(String connectionId) {
        connection(connectionId);
        return runs.latest(connectionId, RUNS_LISTED);
    }

    private Connection connection(String connectionId) {
        return connections.findConnection(connectionId).orElseThrow(() -> new NotFound("connection", connectionId));
    }

    private static Instant lastSeen(ConnectionTemplate t, List<SyncRun> succeededNewestFirst) {
        Optional<SyncRun> run = succeededNewestFirst.stream()
                .filter(r -> r.finishedAt() != null)
                .filter(r -> t.goneSince() == null || r.finishedAt().isBefore(t.goneSince()))
                .findFirst();
        return run.map(SyncRun::finishedAt).orElse(null);
    }
}
