package io.hostwright.domain.order;

import java.time.Instant;

/**
 * What an {@code Idempotency-Key} was first used for: the request's fingerprint and the answer given. Keys are
 * scoped to the customer and expire after {@link AcceptOrder#KEY_RETENTION}.
 */
public record IdempotencyRecord(String customerId, String key, String fingerprint, String orderId, String serviceId,
                                Instant createdAt, Instant expiresAt) {
}
