package io.hostwright.domain.operation;

import java.util.Optional;

/** Port: answers kept per Idempotency-Key. */
public interface ActionAnswers {

    Optional<ActionAnswer> find(String scope, String key);

    /** Keeps the answer unless one is already kept for the key (the first one stands). */
    void keep(ActionAnswer answer);
}
