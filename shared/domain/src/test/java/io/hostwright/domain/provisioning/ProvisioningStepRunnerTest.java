package io.hostwright.domain.provisioning;

import io.hostwright.domain.step.StepOutcome;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.FollowUp;
import io.hostwright.domain.step.LedgeredSteps;
import io.hostwright.domain.step.StepLedger;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.StepResult;
import io.hostwright.domain.step.InMemoryLedger;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServiceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisioningStepRunnerTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final Map<String, Service> services = new HashMap<>();
    private final Deque<StepMessage> queue = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();
    private final List<MailRequest> mails = new ArrayList<>();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final Map<String, Function<Integer, StepOutcome>> behaviour = new HashMap<>();
    private final List<String> ran = new ArrayList<>();
    private ProvisioningStepRunner runner;

    @BeforeEach
    void setUp() {
        ProvisioningModule module = new ProvisioningModule() {
            public List<String> steps() { return List.of("one", "two"); }
            public StepOutcome run(String step, Service service, int attempt) {
                ran.add(step + "#" + attempt);
                return behaviour.get(step).apply(attempt);
            }
        };
        ServiceRepository repo = new InMemoryServices(services);
        StepQueue provisioning = (request, delay) -> {
            queue.add(request);
            delays.add(delay);
        };
        runner = new ProvisioningStepRunner(FakeBackend.registry(new FakeBackend("fake", module, null, null)), null, repo,
                ledger, provisioning, mails::add,
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1)), clock);
        SoldProduct sold = new SoldProduct("dedi", "Dedi", ServiceType.DEDICATED, "fake", "conn", "noc@example.test",
                BillingCycle.MONTHLY, Map.of(), Map.of());
        services.put("svc_1", new Service("svc_1", "ord_1", "alice", "alice@example.test", sold, "a.example.com",
                "debian-12", "Debian 12", ServiceStatus.PENDING, "waiting", 1, clock.instant(), clock.instant()));
    }

    private StepResult deliver(StepMessage request) {
        return runner.handle(request);
    }

    private StepMessage begin() {
        return new StepMessage("svc_1", "ord_1", "fake", StepMessage.FIRST_STEP, 1);
    }

    @Test
    void stepsRunInOrderAndTheLastMakesTheServiceActive() {
        behaviour.put("one", a -> new StepOutcome.Next("two", "one done"));
        behaviour.put("two", a -> new StepOutcome.Done("ready"));

        deliver(begin());
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.PROVISIONING);
        while (!queue.isEmpty()) {
            deliver(queue.poll());
        }
        assertThat(ran).containsExactly("one#1", "two#1");
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void everyMessageDeliveredTwiceRunsEachStepOnce() {
        behaviour.put("one", a -> new StepOutcome.Next("two", "one done"));
        int[] polls = {0};
        behaviour.put("two", a -> ++polls[0] < 3 ? new StepOutcome.Wait(Duration.ofSeconds(5), "installing")
                : new StepOutcome.Done("ready"));

        Deque<StepMessage> deliveries = new ArrayDeque<>(List.of(begin(), begin()));
        int handled = 0;
        while (!deliveries.isEmpty() && handled++ < 100) {
            StepMessage next = deliveries.poll();
            deliver(next);
            deliver(next); // SQS delivers it again
            while (!queue.isEmpty()) {
                deliveries.add(queue.poll());
            }
        }
        // each poll is a first try: the module's attempt counts transient failures since the last wait
        assertThat(ran).containsExactly("one#1", "two#1", "two#1", "two#1");
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void waitingShowsOnTheServiceAndComesBackAfterTheDelay() {
        services.put("svc_1", services.get("svc_1").transitionTo(ServiceStatus.PROVISIONING, "", clock.instant()));
        behaviour.put("one", a -> new StepOutcome.Wait(Duration.ofMinutes(5), "waiting for stock"));

        deliver(new StepMessage("svc_1", "ord_1", "fake", "one", 1));
        assertThat(services.get("svc_1").statusReason()).isEqualTo("waiting for stock");
        assertThat(queue.peek().attempt()).isEqualTo(2);
        assertThat(delays).containsExactly(Duration.ofMinutes(5));
    }

    @Test
    void transientFailuresAreRetriedWithGrowingBackoffThenFailTheServiceAndTellStaff() {
        services.put("svc_1", services.get("svc_1").transitionTo(ServiceStatus.PROVISIONING, "", clock.instant()));
        behaviour.put("one", a -> new StepOutcome.Retry(Duration.ofSeconds(a), "TenantOS unavailable"));

        deliver(new StepMessage("svc_1", "ord_1", "fake", "one", 1));
        while (!queue.isEmpty()) {
            deliver(queue.poll());
        }
        assertThat(ran).hasSize(LedgeredSteps.MAX_FAILURES);
        Service failed = services.get("svc_1");
        assertThat(failed.status()).isEqualTo(ServiceStatus.FAILED);
        assertThat(failed.statusReason()).contains("gave up after " + LedgeredSteps.MAX_FAILURES + " attempts").contains("TenantOS unavailable");
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo(MailTemplate.STAFF_FAILURE);
            assertThat(m.to()).containsExactly("noc@example.test");
            assertThat(m.variables()).containsEntry("step", "one");
        });
    }

    @Test
    void anUnexpectedErrorIsRetriedNotLost() {
        services.put("svc_1", services.get("svc_1").transitionTo(ServiceStatus.PROVISIONING, "", clock.instant()));
        behaviour.put("one", a -> {
            if (a == 1) throw new IllegalStateException("boom");
            return new StepOutcome.Done("ok");
        });
        deliver(new StepMessage("svc_1", "ord_1", "fake", "one", 1));
        deliver(queue.poll());
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void aFollowUpRecordedButNotSentIsSentByTheRedelivery() {
        services.put("svc_1", services.get("svc_1").transitionTo(ServiceStatus.PROVISIONING, "", clock.instant()));
        FollowUp next = new FollowUp(new StepMessage("svc_1", "ord_1", "fake", "two", 1), Duration.ZERO);
        StepLedger.Claimed claimed = (StepLedger.Claimed) ledger.claim("svc_1", null, 1, "one", 1, clock.instant(), Duration.ofMinutes(2));
        ledger.complete(claimed, io.hostwright.domain.service.StepStatus.SUCCEEDED, "done", next, clock.instant());
        // the function died here, before sending

        assertThat(deliver(new StepMessage("svc_1", "ord_1", "fake", "one", 1)))
                .isEqualTo(StepResult.DUPLICATE);
        assertThat(queue).containsExactly(next.request());
        assertThat(ran).isEmpty();
    }

    @Test
    void aPermanentFailureFailsAtOnce() {
        services.put("svc_1", services.get("svc_1").transitionTo(ServiceStatus.PROVISIONING, "", clock.instant()));
        behaviour.put("one", a -> new StepOutcome.Fail("OS template debian-12 is no longer offered"));
        deliver(new StepMessage("svc_1", "ord_1", "fake", "one", 1));
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.FAILED);
        assertThat(services.get("svc_1").statusReason()).contains("no longer offered");
        assertThat(queue).isEmpty();
        assertThat(mails).hasSize(1);
    }
}
