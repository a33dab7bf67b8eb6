package io.hostwright.domain.template;

import java.util.Objects;

/** One queued sync of one connection: the message the sync function runs. Carries no credential. */
public record SyncRequest(String connectionId, String runId, String trigger) {

    public SyncRequest {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
    }
}
