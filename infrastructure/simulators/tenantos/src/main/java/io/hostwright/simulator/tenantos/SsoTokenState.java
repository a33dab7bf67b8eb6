package io.hostwright.simulator.tenantos;

import java.time.Instant;

/** A client-area login token. Guarded by the {@link World} lock. */
final class SsoTokenState {

    final String token;
    final long userId;
    final String endpoint;
    final Instant expiresAt;
    boolean used;

    SsoTokenState(String token, long userId, String endpoint, Instant expiresAt) {
        this.token = token;
        this.userId = userId;
        this.endpoint = endpoint;
        this.expiresAt = expiresAt;
    }
}
