package io.hostwright.backends.vmmanager6;

import java.time.Instant;

/** Bytes a host received ({@code bytesIn}) and sent ({@code bytesOut}) in the 300-second step from {@code start}. */
public record VmTraffic(Instant start, long bytesIn, long bytesOut) {
}
