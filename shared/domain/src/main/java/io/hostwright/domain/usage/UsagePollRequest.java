package io.hostwright.domain.usage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a polling cycle: a bounded number of services of one connection. {@code slot} spreads a
 * connection's messages over as many lanes as its back-end allows at once; the queue runs one message per lane at a
 * time, so no back-end is read by more pollers than it declared, however large the fleet.
 *
 * @param cycle the start of the 5-minute cycle that planned it
 */
public record UsagePollRequest(String connectionId, int slot, Instant cycle, List<String> serviceIds) {

    public UsagePollRequest {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(cycle, "cycle");
        serviceIds = List.copyOf(serviceIds);
        if (slot < 0) {
            throw new IllegalArgumentException("slot must not be negative");
        }
    }

    /** The lane: what the queue serialises on. */
    public String lane() {
        return connectionId + "#" + slot;
    }
}
