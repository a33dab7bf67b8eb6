package io.hostwright.domain.usage;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Use case: one polling message — its services one after the other. A service whose back-end read fails is left for
 * the next cycle, which catches its windows up; after {@link #FAILURES_BEFORE_GIVING_UP} failures in a row the rest of
 * the message is left too (the back-end is down; reading it service by service would only hold the lane).
 */
public final class PollUsageBatch {

    static final int FAILURES_BEFORE_GIVING_UP = 3;

    /**
     * @param failures         "service id: why its traffic was not read"
     * @param leftForNextCycle services not tried at all
     */
    public record Result(List<PollUsage.Outcome> outcomes, List<String> failures, int leftForNextCycle) {
    }

    private final ServiceRepository services;
    private final PollUsage poll;

    public PollUsageBatch(ServiceRepository services, PollUsage poll) {
        this.services = services;
        this.poll = poll;
    }

    public Result run(UsagePollRequest request) {
        List<PollUsage.Outcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int inARow = 0;
        for (int i = 0; i < request.serviceIds().size(); i++) {
            if (inARow >= FAILURES_BEFORE_GIVING_UP) {
                return new Result(outcomes, failures, request.serviceIds().size() - i);
            }
            String serviceId = request.serviceIds().get(i);
            Optional<Service> service = services.findService(serviceId);
            if (service.isEmpty()) {
                continue;
            }
            try {
                outcomes.add(poll.poll(service.get()));
                inARow = 0;
            } catch (BackendFailure failure) {
                failures.add(serviceId + ": " + failure.getMessage());
                inARow++;
            }
        }
        return new Result(outcomes, failures, 0);
    }
}
