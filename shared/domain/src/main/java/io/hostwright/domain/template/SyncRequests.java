package io.hostwright.domain.template;

import java.util.List;

/** Port: queues syncs, one message per connection, so a slow or broken back-end never delays another's. */
public interface SyncRequests {

    void request(List<SyncRequest> requests);
}
