package io.hostwright.domain.operation;

import java.util.List;
import java.util.Objects;

/**
 * The steps of one operation, in order, and the step after which the service takes the kind's target status (a
 * terminated service is the customer's no more once its server is taken back, even while the disks are still
 * being wiped).
 */
public record OperationPlan(List<String> steps, String turningPoint) {

    public OperationPlan {
        steps = List.copyOf(steps);
        Objects.requireNonNull(turningPoint, "turningPoint");
        if (!steps.contains(turningPoint)) {
            throw new IllegalArgumentException("turning point " + turningPoint + " is not one of " + steps);
        }
    }

    public static OperationPlan endingAtLastStep(List<String> steps) {
        return new OperationPlan(steps, steps.getLast());
    }
}
