package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.UsageSource;
import io.hostwright.domain.service.Service;

import java.time.Instant;
import java.util.List;

/** Network traffic of a service's VPS from the host's {@code net_rx} / {@code net_tx} metrics: what polling reads. */
final class VmUsage implements UsageSource {

    private final BackendContext context;
    private final VmManagerApis apis;

    VmUsage(BackendContext context, VmManagerApis apis) {
        this.context = context;
        this.apis = apis;
    }

    /** Metrics come from VMmanager's own store; two readers per installation keep the panel responsive. */
    @Override
    public int concurrencyPerConnection() {
        return 2;
    }

    @Override
    public List<TrafficSample> traffic(Service service, Instant from, Instant to) {
        VmContext s;
        try {
            s = VmContext.resolve(service, context, apis);
        } catch (VmContext.Unresolvable unresolvable) {
            throw VmContext.unusable(unresolvable);
        }
        if (s.state().hostId() == null) {
            return List.of();
        }
        return s.api().traffic(s.state().hostId(), from, to).stream()
                .map(t -> new TrafficSample(t.start(), t.bytesIn(), t.bytesOut()))
                .toList();
    }
}
