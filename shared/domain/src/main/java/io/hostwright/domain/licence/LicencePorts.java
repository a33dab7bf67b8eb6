package io.hostwright.domain.licence;

import io.hostwright.domain.backend.ServiceSecrets;

import java.time.Clock;

/**
 * What every licence use case works on: the licence connections (and their servers), the pool, each service's
 * licence record, the service secrets that keep the keys, and the clock.
 */
public record LicencePorts(LicenceConnections connections, LicencePool pool, LicenceRecords records,
                           ServiceSecrets secrets, Clock clock) {
}
