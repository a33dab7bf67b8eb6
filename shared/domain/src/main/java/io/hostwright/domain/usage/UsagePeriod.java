package io.hostwright.domain.usage;

import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.Price;

import java.time.Instant;
import java.util.Objects;

/**
 * A service's traffic in one period, as polling has counted it so far.
 *
 * @param cursor             every window before it is counted; polling goes on from here
 * @param allowanceBytes     the allowance for this period; null when the traffic is not limited
 * @param policy             the service's bandwidth policy, pinned when the period opened
 * @param nearMailedAt       when the near-limit e-mail was queued; null until then
 * @param overMailedAt       when the over-limit e-mail was queued (and the overuse action taken); null until then
 * @param suspendOperationId the suspension polling asked for when the allowance was crossed; null otherwise
 */
public record UsagePeriod(String serviceId, String customerId, String productId, String connectionId,
                          BillingPeriod period, Instant cursor, long bytesIn, long bytesOut, Long allowanceBytes,
                          BandwidthPolicy policy, Instant nearMailedAt, Instant overMailedAt,
                          String suspendOperationId) {

    public UsagePeriod {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(policy, "policy");
    }

    /** A period nothing was counted in yet, from {@code cursor} on. */
    public static UsagePeriod opened(String serviceId, String customerId, String productId, String connectionId,
                                     BillingPeriod period, Instant cursor, Long allowanceBytes,
                                     BandwidthPolicy policy) {
        return new UsagePeriod(serviceId, customerId, productId, connectionId, period, cursor, 0, 0, allowanceBytes,
                policy, null, null, null);
    }

    /** The bytes that count against the allowance (the policy's metering). */
    public long counted() {
        return policy.metering().counted(bytesIn, bytesOut);
    }

    public boolean limited() {
        return allowanceBytes != null;
    }

    /** Counted bytes over the allowance, 0 when none or not limited. */
    public long overBytes() {
        return limited() ? Math.max(0, counted() - allowanceBytes) : 0;
    }

    /** Started TB over the allowance: what {@code bill} invoices. */
    public long overageTb() {
        long over = overBytes();
        return over == 0 ? 0 : (over + BandwidthPolicy.BYTES_PER_TB - 1) / BandwidthPolicy.BYTES_PER_TB;
    }

    /** The overage's price when the policy bills it; null otherwise. */
    public Price overagePrice() {
        if (policy.overuseAction() != BandwidthPolicy.OveruseAction.BILL) {
            return null;
        }
        return policy.overagePerTb().times(overageTb());
    }

    /** Share of the allowance used, in percent (may pass 100); null when not limited. */
    public Double sharePercent() {
        if (!limited()) {
            return null;
        }
        return allowanceBytes == 0 ? (counted() == 0 ? 0.0 : Double.POSITIVE_INFINITY)
                : 100.0 * counted() / allowanceBytes;
    }
}
