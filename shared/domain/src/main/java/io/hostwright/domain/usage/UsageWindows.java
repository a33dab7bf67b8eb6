package io.hostwright.domain.usage;

import java.time.Duration;
import java.time.Instant;

/** Traffic is counted in 5-minute windows aligned to the epoch, as back-ends report it and 95th percentiles need. */
public final class UsageWindows {

    public static final Duration SIZE = Duration.ofMinutes(5);
    private static final long SECONDS = SIZE.toSeconds();

    private UsageWindows() {
    }

    /** The start of the window containing {@code at}. */
    public static Instant floor(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), SECONDS) * SECONDS);
    }

    /** The first window start at or after {@code at}. */
    public static Instant ceil(Instant at) {
        Instant floor = floor(at);
        return floor.equals(at) ? at : floor.plus(SIZE);
    }
}
