package io.hostwright.domain.backend;

import io.hostwright.domain.service.Service;

import java.time.Instant;
import java.util.List;

/** A back-end's traffic counters per service: what bandwidth polling reads. */
public interface UsageSource {

    /** Bytes in and out during one interval starting at {@code start}. */
    record TrafficSample(Instant start, long bytesIn, long bytesOut) {
    }

    /** How many services of one connection may be read at once without hammering the back-end. */
    int concurrencyPerConnection();

    /** 5-minute samples of the service's traffic between {@code from} and {@code to}. @throws BackendFailure */
    List<TrafficSample> traffic(Service service, Instant from, Instant to);
}
