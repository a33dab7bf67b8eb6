package io.hostwright.domain.operation;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer first given to a request carrying an {@code Idempotency-Key}: the same key and request get it again,
 * the same key with another request is refused. Keys are scoped to the caller ({@code customer:<id>},
 * {@code staff}) and expire.
 *
 * @param fingerprint what makes two requests the same (route, service, body)
 * @param body        the JSON answered; never a secret
 */
public record ActionAnswer(String scope, String key, String fingerprint, int status, String body, Instant createdAt,
                           Instant expiresAt) {

    public ActionAnswer {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
