package io.hostwright.local.schedule;

import java.time.Instant;

/** A schedule as the local scheduler holds it: the function, its expression and when it fires next. */
public record ScheduledFunction(String function, String expression, String description, Instant nextRunAt) {
}
