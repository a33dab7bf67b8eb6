package io.hostwright.domain.usage;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Port: what polling has counted, per service and period. Samples are keyed by service and window, so writing one
 * twice stores it once; a period's totals move only together with its cursor, conditionally on the cursor as read, so
 * a window is never added twice however often, or however concurrently, it is polled.
 */
public interface UsageLedger {

    Optional<UsagePeriod> find(String serviceId, Instant periodStart);

    /** Creates the record of a period that has none; false when it exists already (nothing written). */
    boolean open(UsagePeriod period);

    /** Stores samples of one period (a sample stored before is overwritten with the same window's figures). */
    void putSamples(String serviceId, BillingPeriod period, List<UsageSample> samples);

    /**
     * Adds bytes to the period and moves its cursor to {@code newCursor}, if its cursor is still the one in
     * {@code read}; empty when another poll moved it first (nothing written).
     */
    Optional<UsagePeriod> advance(UsagePeriod read, Instant newCursor, long addIn, long addOut);

    /** Notes the near-limit e-mail queued, if not yet noted. */
    void markNearMailed(UsagePeriod period, Instant at);

    /** Notes the over-limit e-mail queued and the overuse action taken (the suspension asked for, or null). */
    void markOverMailed(UsagePeriod period, Instant at, String suspendOperationId);

    /** The samples of one period of a service, oldest first (expired ones are gone). */
    List<UsageSample> samples(String serviceId, Instant periodStart);

    /** One page of the periods starting in {@code month} that have metered overage to bill. */
    Page billable(YearMonth month, String after, int limit);

    /** @param next where the next page starts (opaque); null on the last page */
    record Page(List<UsagePeriod> periods, String next) {
    }
}
