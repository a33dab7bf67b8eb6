package io.hostwright.domain.usage;

import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.UsageSource;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ConnectionRepository;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.ServicesByConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Use case (every five minutes): plan one polling cycle. Per connection whose back-end has a usage source, its live
 * services (active, and suspended ones for the traffic up to their suspension and the end of a traffic suspension)
 * go out in messages of {@link #BATCH}, spread over the lanes the back-end allows at once. It calls no back-end.
 */
public final class PlanUsagePolls {

    public static final int BATCH = 25;

    public record Plan(Instant cycle, int connections, int services, int messages) {
    }

    private final BackendRegistry backends;
    private final ConnectionRepository connections;
    private final ServicesByConnection services;
    private final UsagePollRequests requests;
    private final Clock clock;

    public PlanUsagePolls(BackendRegistry backends, ConnectionRepository connections, ServicesByConnection services,
                          UsagePollRequests requests, Clock clock) {
        this.backends = backends;
        this.connections = connections;
        this.services = services;
        this.requests = requests;
        this.clock = clock;
    }

    public Plan run() {
        Instant cycle = UsageWindows.floor(clock.instant());
        int polled = 0;
        int connectionCount = 0;
        List<UsagePollRequest> planned = new ArrayList<>();
        for (Connection connection : connections.listConnections()) {
            Optional<UsageSource> source = backends.find(connection.backend()).flatMap(Backend::usage);
            if (source.isEmpty()) {
                continue;
            }
            connectionCount++;
            int lanes = Math.max(1, source.get().concurrencyPerConnection());
            List<String> live = services.onConnection(connection.connectionId()).stream()
                    .filter(s -> s.status() == ServiceStatus.ACTIVE || s.status() == ServiceStatus.SUSPENDED)
                    .map(Service::serviceId)
                    .toList();
            polled += live.size();
            for (int from = 0, batch = 0; from < live.size(); from += BATCH, batch++) {
                planned.add(new UsagePollRequest(connection.connectionId(), batch % lanes, cycle,
                        live.subList(from, Math.min(live.size(), from + BATCH))));
            }
        }
        if (!planned.isEmpty()) {
            requests.send(planned);
        }
        return new Plan(cycle, connectionCount, polled, planned.size());
    }
}
