package io.hostwright.domain.template;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.ids.IdGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Use case (hourly): queues one sync per connection whose back-end has templates or stock to read. It reads the
 * connections and sends messages; it never calls a back-end, so it finishes in moments however many there are.
 */
public final class ScheduleSyncs {

    private final BackendRegistry backends;
    private final ConnectionRepository connections;
    private final SyncRequests requests;
    private final IdGenerator ids;

    public ScheduleSyncs(BackendRegistry backends, ConnectionRepository connections, SyncRequests requests,
                         IdGenerator ids) {
        this.backends = backends;
        this.connections = connections;
        this.requests = requests;
        this.ids = ids;
    }

    /** @return the syncs queued */
    public List<SyncRequest> run() {
        List<SyncRequest> queued = new ArrayList<>();
        for (Connection connection : connections.listConnections()) {
            Optional<Backend> backend = backends.find(connection.backend());
            if (backend.isPresent() && SyncTemplates.syncable(backend.get())) {
                queued.add(new SyncRequest(connection.connectionId(), ids.next("run"), SyncRun.SCHEDULE));
            }
        }
        if (!queued.isEmpty()) {
            requests.request(queued);
        }
        return queued;
    }
}
