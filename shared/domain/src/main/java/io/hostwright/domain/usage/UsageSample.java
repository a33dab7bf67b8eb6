package io.hostwright.domain.usage;

import java.time.Instant;
import java.util.Objects;

/** The bytes one service moved in one 5-minute window, kept (with an expiry) for the 95th percentile and the chart. */
public record UsageSample(Instant window, long bytesIn, long bytesOut) {

    public UsageSample {
        Objects.requireNonNull(window, "window");
        if (bytesIn < 0 || bytesOut < 0) {
            throw new IllegalArgumentException("a sample moves no negative bytes");
        }
    }
}
