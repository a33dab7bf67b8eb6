package io.hostwright.domain.step;

import java.time.Duration;

/** The message a step run sends when it ends, and after how long it becomes visible. */
public record FollowUp(StepMessage request, Duration delay) {
}
