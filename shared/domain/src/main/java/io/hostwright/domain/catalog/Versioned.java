package io.hostwright.domain.catalog;

import java.util.Objects;

/**
 * A stored value with the version its last write gave it: what staff's {@code ETag} carries and {@code If-Match}
 * must name for a change to be written (a change based on a stale read is refused, never merged silently).
 */
public record Versioned<T>(T value, long version) {

    public Versioned {
        Objects.requireNonNull(value, "value");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }
}
