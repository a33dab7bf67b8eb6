package io.hostwright.domain.renewal;

import io.hostwright.domain.idempotency.IdempotencyKeys;
import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.ActionAnswers;
import io.hostwright.domain.operation.Caller;
import io.hostwright.domain.operation.OperationRepository;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: the billing system records that a service was paid for {@code months} more. The paid period continues
 * from where it ends ({@code paidUntil}, even when that has passed: a late payment pays the months it covers), or
 * from now for a service with none recorded. The new {@code paidUntil} and the Idempotency-Key's answer are written
 * together, so the same key with the same request answers the first renewal again and never extends twice; the
 * same key with another request is refused.
 */
public final class RecordRenewal {

    public static final String MONTHS = "months";
    public static final int MAX_MONTHS = 120;
    private static final Set<ServiceStatus> RENEWABLE = EnumSet.of(ServiceStatus.PENDING,
            ServiceStatus.PROVISIONING, ServiceStatus.ACTIVE, ServiceStatus.SUSPENDED);
    private static final int ATTEMPTS = 5;

    private final ServiceRepository services;
    private final ServiceRenewals renewals;
    private final ActionAnswers answers;
    private final Clock clock;

    public RecordRenewal(ServiceRepository services, ServiceRenewals renewals, ActionAnswers answers, Clock clock) {
        this.services = services;
        this.renewals = renewals;
        this.answers = answers;
        this.clock = clock;
    }

    /** @param months null when the request named none */
    public Renewal renew(Caller caller, String serviceId, Integer months, String key) {
        IdempotencyKeys.check(key, true, "renewal");
        if (months == null) {
            throw InvalidRequest.of(MONTHS, "is required: the number of months paid, 1 to " + MAX_MONTHS);
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw InvalidRequest.of(MONTHS, "must be 1 to " + MAX_MONTHS + " (the number of months paid)");
        }
        String fingerprint = IdempotencyKeys.fingerprint("renewal", serviceId, Integer.toString(months));
        Optional<ActionAnswer> earlier = answers.find(caller.keyScope(), key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, serviceId, months);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Service service = services.findService(serviceId).orElseThrow(() -> new NotFound("service", serviceId));
            if (!RENEWABLE.contains(service.status())) {
                throw new Conflict("status", "service " + serviceId + " is " + service.status()
                        + "; only a PENDING, PROVISIONING, ACTIVE or SUSPENDED service can be renewed");
            }
            Instant now = clock.instant();
            Instant from = service.paidUntil() == null ? now : service.paidUntil();
            Instant until = Service.monthsAfter(from, months);
            ActionAnswer answer = new ActionAnswer(caller.keyScope(), key, fingerprint, 200, until.toString(), now,
                    now.plus(IdempotencyKeys.RETENTION));
            try {
                if (renewals.renew(service, service.withPaidUntil(until, now), answer)) {
                    return new Renewal(serviceId, until, months, now, false);
                }
            } catch (OperationRepository.AnswerTaken taken) {
                return replay(answers.find(caller.keyScope(), key).orElseThrow(), fingerprint, serviceId, months);
            }
        }
        throw new IllegalStateException("service " + serviceId + " keeps changing under us");
    }

    /** The first answer again: its body is the {@code paidUntil} it wrote, its creation the renewal's time. */
    private static Renewal replay(ActionAnswer earlier, String fingerprint, String serviceId, int months) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(IdempotencyKeys.HEADER, IdempotencyKeys.HEADER
                    + " was already used for a different request; use a new key for a new request");
        }
        return new Renewal(serviceId, Instant.parse(earlier.body()), months, earlier.createdAt(), true);
    }
}
