package io.hostwright.domain.provisioning;

import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.StepStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Use case: run one provisioning message. Claims the (step, attempt) in the ledger so a duplicate does nothing,
 * runs the module's step, records the outcome on the service, and sends the follow-up: the next step, the same step
 * later (waiting or retrying with backoff), or nothing. A step that cannot succeed fails the service with its reason
 * and tells the product's staff department.
 */
public final class ProvisioningStepRunner {

    public static final int MAX_RETRIES = 8;
    public static final Duration LEASE = Duration.ofMinutes(2);

    private final Map<String, ProvisioningModule> modules;
    private final ServiceRepository services;
    private final CatalogRepository catalog;
    private final StepLedger ledger;
    private final ProvisioningQueue queue;
    private final MailQueue mail;
    private final Backoff backoff;
    private final Clock clock;

    /** What became of a message, for logs, metrics and the batch response. */
    public enum Result { RAN, DUPLICATE, DEFERRED, IGNORED }

    public ProvisioningStepRunner(List<ProvisioningModule> modules, ServiceRepository services,
                                  CatalogRepository catalog, StepLedger ledger, ProvisioningQueue queue,
                                  MailQueue mail, Backoff backoff, Clock clock) {
        Map<String, ProvisioningModule> byName = new LinkedHashMap<>();
        modules.forEach(m -> byName.put(m.module(), m));
        this.modules = Map.copyOf(byName);
        this.services = services;
        this.catalog = catalog;
        this.ledger = ledger;
        this.queue = queue;
        this.mail = mail;
        this.backoff = backoff;
        this.clock = clock;
    }

    public Result handle(ProvisioningRequest request) {
        Optional<Service> found = services.findService(request.serviceId());
        if (found.isEmpty()) {
            return Result.IGNORED;
        }
        Service service = found.get();
        ProvisioningModule module = modules.get(request.module());
        if (module == null) {
            fail(service, request.step(), "no provisioning module '" + request.module() + "' is installed");
            return Result.RAN;
        }
        if (ProvisioningRequest.FIRST_STEP.equals(request.step())) {
            return begin(service, module);
        }
        int sequence = module.steps().indexOf(request.step()) + 1;
        if (sequence == 0 || service.status() != ServiceStatus.PROVISIONING) {
            return Result.IGNORED;
        }
        return switch (ledger.claim(service.serviceId(), null, sequence, request.step(), request.attempt(), clock.instant(), LEASE)) {
            case StepLedger.Busy busy -> Result.DEFERRED;
            case StepLedger.AlreadyRan ran -> {
                if (ran.unsent() != null) {
                    queue.enqueue(ran.unsent().request(), ran.unsent().delay());
                }
                yield Result.DUPLICATE;
            }
            case StepLedger.Claimed claimed -> {
                run(claimed, service, module, request);
                yield Result.RAN;
            }
        };
    }

    private Result begin(Service service, ProvisioningModule module) {
        if (service.status() == ServiceStatus.PENDING) {
            Service provisioning = service.transitionTo(ServiceStatus.PROVISIONING, "provisioning started", clock.instant());
            if (!services.replace(service, provisioning)) {
                return Result.DEFERRED; // changed under us: the redelivery reads it afresh
            }
        } else if (service.status() != ServiceStatus.PROVISIONING) {
            return Result.IGNORED;
        }
        // a duplicate "begin" sends a duplicate first step, which the ledger turns into a no-op
        queue.enqueue(new ProvisioningRequest(service.serviceId(), service.orderId(), module.module(),
                module.steps().get(0), 1));
        return Result.RAN;
    }

    private void run(StepLedger.Claimed claimed, Service service, ProvisioningModule module, ProvisioningRequest request) {
        StepOutcome outcome;
        try {
            outcome = module.run(request.step(), service, request.attempt());
        } catch (RuntimeException unexpected) {
            outcome = new StepOutcome.Retry(backoff.delay(request.attempt()),
                    "unexpected error: " + unexpected.getClass().getSimpleName());
        }
        if (outcome instanceof StepOutcome.Retry retry && request.attempt() >= MAX_RETRIES) {
            outcome = new StepOutcome.Fail("gave up after " + request.attempt() + " attempts: " + retry.detail());
        }
        switch (outcome) {
            case StepOutcome.Next next -> {
                FollowUp followUp = new FollowUp(new ProvisioningRequest(service.serviceId(), service.orderId(),
                        module.module(), next.next(), 1), Duration.ZERO);
                finish(claimed, StepStatus.SUCCEEDED, next.detail(), followUp);
            }
            case StepOutcome.Wait wait -> {
                finish(claimed, StepStatus.WAITING, wait.detail(), again(service, module, request, wait.delay()));
                updateService(service, s -> s.withReason(wait.detail(), clock.instant()));
            }
            case StepOutcome.Retry retry -> finish(claimed, StepStatus.WAITING,
                    "retrying: " + retry.detail(), again(service, module, request, retry.delay()));
            case StepOutcome.Done done -> {
                finish(claimed, StepStatus.SUCCEEDED, done.detail(), null);
                updateService(service, s -> s.transitionTo(ServiceStatus.ACTIVE, null, clock.instant()));
            }
            case StepOutcome.Fail failure -> {
                finish(claimed, StepStatus.FAILED, failure.detail(), null);
                fail(service, request.step(), failure.detail());
            }
        }
    }

    private static FollowUp again(Service service, ProvisioningModule module, ProvisioningRequest request, Duration delay) {
        return new FollowUp(new ProvisioningRequest(service.serviceId(), service.orderId(), module.module(),
                request.step(), request.attempt() + 1), delay);
    }

    private void finish(StepLedger.Claimed claimed, StepStatus status, String detail, FollowUp followUp) {
        ledger.complete(claimed, status, detail, followUp, clock.instant());
        if (followUp != null) {
            queue.enqueue(followUp.request(), followUp.delay());
            ledger.followUpSent(claimed);
        }
    }

    private void fail(Service service, String step, String reason) {
        updateService(service, s -> s.status().canBecome(ServiceStatus.FAILED)
                ? s.transitionTo(ServiceStatus.FAILED, reason, clock.instant()) : s);
        String department = catalog.findProduct(service.productId()).map(Product::department).orElse(null);
        if (department != null && !department.isBlank()) {
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("step", step);
            variables.put("reason", reason);
            variables.put("department", department);
            variables.put("productName", String.valueOf(service.productName()));
            variables.put("hostname", String.valueOf(service.hostname()));
            variables.put("orderId", String.valueOf(service.orderId()));
            mail.enqueue(new MailRequest(service.serviceId(), "provisioning-failed", MailTemplate.STAFF_FAILURE,
                    List.of(department), variables));
        }
    }

    /** Applies a change to the freshest copy of the service, retrying on a concurrent write. */
    private void updateService(Service read, UnaryOperator<Service> change) {
        Service current = read;
        for (int i = 0; i < 5; i++) {
            Service changed = change.apply(current);
            if (changed == current || services.replace(current, changed)) {
                return;
            }
            current = services.findService(read.serviceId()).orElseThrow();
        }
        throw new IllegalStateException("service " + read.serviceId() + " keeps changing under provisioning");
    }
}
