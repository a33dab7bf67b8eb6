package io.hostwright.domain.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The width of one point of a usage graph, and how long a range each may cover. */
public enum UsageResolution {
    FIVE_MINUTES("5min", Duration.ofMinutes(5), Duration.ofDays(2)),
    HOURLY("hourly", Duration.ofHours(1), Duration.ofDays(31)),
    DAILY("daily", Duration.ofDays(1), Duration.ofDays(400));

    private final String label;
    private final Duration step;
    private final Duration maxRange;

    UsageResolution(String label, Duration step, Duration maxRange) {
        this.label = label;
        this.step = step;
        this.maxRange = maxRange;
    }

    public String label() {
        return label;
    }

    public Duration step() {
        return step;
    }

    public Duration maxRange() {
        return maxRange;
    }

    public static Optional<UsageResolution> of(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The finest resolution whose range limit allows {@code range}. */
    public static UsageResolution fitting(Duration range) {
        return Arrays.stream(values()).filter(r -> range.compareTo(r.maxRange) <= 0).findFirst().orElse(DAILY);
    }
}
