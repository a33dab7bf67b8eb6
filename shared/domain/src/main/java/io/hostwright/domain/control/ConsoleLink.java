package io.hostwright.domain.control;

import java.net.URI;
import java.time.Instant;

/** A single-use link into the back-end's console for this server, valid until {@code expiresAt}. */
public record ConsoleLink(URI url, Instant expiresAt) {
}
