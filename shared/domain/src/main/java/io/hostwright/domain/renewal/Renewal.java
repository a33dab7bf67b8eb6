package io.hostwright.domain.renewal;

import java.time.Instant;

/**
 * A recorded payment: the service is paid until {@code paidUntil}, {@code months} more than before.
 *
 * @param replayed the answer to a repeated Idempotency-Key: nothing was extended again
 */
public record Renewal(String serviceId, Instant paidUntil, int months, Instant renewedAt, boolean replayed) {
}
