package io.hostwright.backends.tenantos;

import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.UsageSource;
import io.hostwright.domain.service.Service;

import java.time.Instant;
import java.util.List;

/** Network traffic of a service's server from TenantOS's 5-minute statistics: what bandwidth polling reads. */
final class TenantOsUsage implements UsageSource {

    private final BackendContext context;
    private final TenantOsApis apis;

    TenantOsUsage(BackendContext context, TenantOsApis apis) {
        this.context = context;
        this.apis = apis;
    }

    /** TenantOS answers statistics from its own database; four readers per installation keep it unhurried. */
    @Override
    public int concurrencyPerConnection() {
        return 4;
    }

    @Override
    public List<TrafficSample> traffic(Service service, Instant from, Instant to) {
        TenantOsContext s = TenantOsContext.resolve(service, context.connections(), apis, context.states());
        if (s.state().serverId() == null) {
            return List.of();
        }
        return s.api().networkTraffic(s.state().serverId(), "5min", from, to).stream()
                .map(t -> new TrafficSample(t.start(), t.bytesIn(), t.bytesOut()))
                .toList();
    }
}
