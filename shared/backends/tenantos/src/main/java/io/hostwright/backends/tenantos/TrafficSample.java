package io.hostwright.backends.tenantos;

import java.time.Instant;

/** Bytes a server moved in one interval starting at {@code start}. */
public record TrafficSample(Instant start, long bytesIn, long bytesOut) {
}
