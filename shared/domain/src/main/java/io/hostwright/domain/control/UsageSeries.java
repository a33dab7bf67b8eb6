package io.hostwright.domain.control;

import java.time.Instant;
import java.util.List;

/** Bandwidth over a time range, a point per interval, ready to plot; totals over the range. */
public record UsageSeries(String serviceId, Instant from, Instant to, UsageResolution resolution, List<Point> points,
                          long totalBytesIn, long totalBytesOut) {

    public UsageSeries {
        points = List.copyOf(points);
    }

    public record Point(Instant start, long bytesIn, long bytesOut) {
    }
}
