package io.hostwright.domain.provisioning;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.InMemoryLedger;
import io.hostwright.domain.step.LedgeredSteps;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.StepOutcome;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A back-end that stops answering for a while and comes back: with the production backoff (5 s doubling to 5 minutes,
 * jittered) a step rides out an outage of ten minutes — and of twenty — by itself, nobody told; only an outage
 * longer than the retries last fails the service and tells staff. Time is a clock moved by each message's delay.
 */
class BackendOutageTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Backoff PRODUCTION = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    private record Queued(Instant due, StepMessage message) {
    }

    private final MutableClock clock = new MutableClock(T0);
    private final Map<String, Service> services = new HashMap<>();
    private final List<MailRequest> mails = new ArrayList<>();
    private final PriorityQueue<Queued> queue = new PriorityQueue<>((a, b) -> a.due().compareTo(b.due()));

    private Service provisionThrough(Duration outage) {
        Instant back = T0.plus(outage);
        ProvisioningModule module = new ProvisioningModule() {
            public List<String> steps() {
                return List.of("assign", "install");
            }

            public StepOutcome run(String step, Service service, int attempt) {
                if (clock.instant().isBefore(back)) {
                    return new StepOutcome.Retry(PRODUCTION.delay(attempt), "the back-end does not answer");
                }
                return step.equals("assign") ? new StepOutcome.Next("install", "assigned")
                        : new StepOutcome.Done("ready");
            }
        };
        ProvisioningStepRunner runner = new ProvisioningStepRunner(FakeBackend.registry(new FakeBackend("fake",
                module, null, null)), null, new InMemoryServices(services), new InMemoryLedger(),
                (request, delay) -> queue.add(new Queued(clock.instant().plus(delay), request)), mails::add,
                PRODUCTION, clock);
        SoldProduct sold = new SoldProduct("dedi", "Dedi", ServiceType.DEDICATED, "fake", "conn", "noc@example.test",
                BillingCycle.MONTHLY, Map.of(), Map.of());
        services.put("svc_1", new Service("svc_1", "ord_1", "alice", "alice@example.test", sold, "a.example.com",
                "debian-12", "Debian 12", ServiceStatus.PENDING, "waiting", 1, T0, T0));
        queue.add(new Queued(T0, new StepMessage("svc_1", "ord_1", "fake", StepMessage.FIRST_STEP, 1)));
        while (!queue.isEmpty()) {
            Queued next = queue.poll();
            if (next.due().isAfter(clock.instant())) {
                clock.set(next.due());
            }
            runner.handle(next.message());
        }
        return services.get("svc_1");
    }

    @RepeatedTest(20)
    void tenMinutesWithoutTheBackEndAreRiddenOutWithoutStaff() {
        Service service = provisionThrough(Duration.ofMinutes(10));

        assertThat(service.status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(mails).isEmpty();
    }

    @RepeatedTest(20)
    void twentyMinutesToo() {
        assertThat(provisionThrough(Duration.ofMinutes(20)).status()).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void anOutageLongerThanTheRetriesLastFailsTheServiceAndTellsStaffOnce() {
        Service service = provisionThrough(Duration.ofHours(3));

        assertThat(service.status()).isEqualTo(ServiceStatus.FAILED);
        assertThat(service.statusReason()).contains("gave up after " + LedgeredSteps.MAX_FAILURES + " attempts");
        assertThat(mails).singleElement().satisfies(m -> assertThat(m.to()).containsExactly("noc@example.test"));
    }
}
