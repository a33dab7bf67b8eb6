package io.hostwright.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One traffic period of a service: a month from its anniversary, not the calendar month. A service ordered on the
 * 15th counts from the 15th (00:00 UTC) to the 15th of the next month; one ordered on the 31st counts from the last
 * day of shorter months.
 */
public record BillingPeriod(Instant start, Instant end) {

    public BillingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period ends after it starts: " + start + " .. " + end);
        }
    }

    /** The period of a service created at {@code anchor} that contains {@code at}. */
    public static BillingPeriod containing(Instant anchor, Instant at) {
        int day = anchor.atZone(ZoneOffset.UTC).getDayOfMonth();
        YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
        Instant start = startIn(month, day);
        if (start.isAfter(at)) {
            month = month.minusMonths(1);
            start = startIn(month, day);
        }
        return new BillingPeriod(start, startIn(month.plusMonths(1), day));
    }

    private static Instant startIn(YearMonth month, int day) {
        LocalDate date = month.atDay(Math.min(day, month.lengthOfMonth()));
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public BillingPeriod previous(Instant anchor) {
        return containing(anchor, start.minusSeconds(1));
    }

    public BillingPeriod next(Instant anchor) {
        return containing(anchor, end);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** The month the period starts in: what the staff usage export groups periods by. */
    public YearMonth month() {
        return YearMonth.from(start.atZone(ZoneOffset.UTC));
    }
}
