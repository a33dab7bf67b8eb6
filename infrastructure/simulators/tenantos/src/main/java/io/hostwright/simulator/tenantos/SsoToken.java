package io.hostwright.simulator.tenantos;

import java.time.Instant;

/**
 * A client-area login token as the simulator holds it: {@code GET /tokenLogin/{authToken}} logs {@code userId} in
 * and opens {@code endpoint}, once, until {@code expiresAt}.
 */
public record SsoToken(String authToken, long userId, String endpoint, Instant expiresAt, boolean used) {

    static SsoToken of(SsoTokenState t) {
        return new SsoToken(t.token, t.userId, t.endpoint, t.expiresAt, t.used);
    }
}
