package io.hostwright.domain.operation;

import io.hostwright.domain.step.LedgeredSteps;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.CatalogRepository;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.InMemorySecrets;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.catalog.OsTemplate;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.problem.Conflict;
import io.hostwright.domain.problem.IdempotencyKeyReused;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.NotFound;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.InMemoryLedger;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.provisioning.ProvisioningStepRunner;
import io.hostwright.domain.step.StepOutcome;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requesting operations and running their steps, on in-memory ports and a scripted module. */
class OperationsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final Map<String, Service> services = new HashMap<>();
    private final Deque<StepMessage> queue = new ArrayDeque<>();
    private final List<MailRequest> mails = new ArrayList<>();
    private final InMemoryOperations operations = new InMemoryOperations();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final Map<String, Function<Integer, StepOutcome>> behaviour = new HashMap<>();
    private final List<String> ran = new ArrayList<>();
    private final InMemorySecrets secrets = new InMemorySecrets();
    private RequestOperation requests;
    private OperationStepRunner runner;

    @BeforeEach
    void setUp() {
        ServiceRepository repo = new InMemoryServices(services);
        CatalogRepository catalog = new CatalogRepository() {
            public Optional<Product> findProduct(String id) {
                return Optional.of(new Product(id, "Dedi", "", ServiceType.DEDICATED, "fake", "conn",
                        "noc@example.test",
                        List.of(new OsTemplate("debian-12", "Debian 12"), new OsTemplate("alma-9", "AlmaLinux 9")),
                        List.of(), Map.of(BillingCycle.MONTHLY, new Price("EUR", 100)), Map.of()));
            }
            public List<Product> listProducts() { return List.of(); }
            public void saveProduct(Product p) { }
        };
        LifecycleModule module = new LifecycleModule() {
            public Optional<OperationPlan> plan(OperationKind kind) {
                return Optional.of(kind.equals(OperationKind.TERMINATE) ? new OperationPlan(List.of("one", "two"), "one")
                        : OperationPlan.endingAtLastStep(List.of("one", "two")));
            }
            public StepOutcome run(Operation operation, String step, Service service, int attempt) {
                ran.add(step + "#" + attempt);
                return behaviour.get(step).apply(attempt);
            }
        };
        BackendRegistry backends = FakeBackend.registry(new FakeBackend("fake", null, module, null),
                new FakeBackend("provisioning-only", null, null, null));
        requests = new RequestOperation(repo, catalog, operations, operations.answerStore, (r, d) -> queue.add(r),
                backends, new SortableIds(clock), clock);
        runner = new OperationStepRunner(backends, secrets, repo, operations, ledger,
                (r, d) -> queue.add(r), mails::add, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)), clock);
        services.put("svc_1", service("svc_1", "cust_1", ServiceStatus.ACTIVE));
        behaviour.put("one", a -> new StepOutcome.Next("two", "one done"));
        behaviour.put("two", a -> new StepOutcome.Done("two done"));
    }

    @Test
    void aSuspensionRunsItsStepsThenTheServiceIsSuspendedAndTheLockIsFree() {
        OperationAccepted accepted = staffRequests(OperationKind.SUSPEND, "k1", "unpaid");
        assertThat(accepted.operation().dispatched()).isTrue();
        assertThat(operations.current("svc_1")).isPresent();

        drain();

        assertThat(ran).containsExactly("one#1", "two#1");
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.SUSPENDED);
        assertThat(services.get("svc_1").statusReason()).isEqualTo("suspended: unpaid");
        assertThat(operations.find("svc_1", accepted.operation().operationId()).orElseThrow().status())
                .isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(operations.current("svc_1")).isEmpty();
    }

    @Test
    void everyMessageDeliveredTwiceRunsEachStepOnce() {
        staffRequests(OperationKind.SUSPEND, null, null);
        while (!queue.isEmpty()) {
            StepMessage next = queue.poll();
            runner.handle(next);
            runner.handle(next);
        }
        assertThat(ran).containsExactly("one#1", "two#1");
    }

    @Test
    void terminationTurnsTheServiceTerminatedAtItsTurningPointWhileTheRestStillRuns() {
        int[] polls = {0};
        behaviour.put("two", a -> ++polls[0] < 3 ? new StepOutcome.Wait(Duration.ofSeconds(2), "wiping")
                : new StepOutcome.Done("wiped"));
        OperationAccepted accepted = staffRequests(OperationKind.TERMINATE, null, null);
        runner.handle(queue.poll()); // begin
        runner.handle(queue.poll()); // one: the turning point
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.TERMINATED);
        assertThat(operations.find("svc_1", accepted.operation().operationId()).orElseThrow().status())
                .isEqualTo(OperationStatus.RUNNING);
        drain();
        assertThat(ran).containsExactly("one#1", "two#1", "two#1", "two#1");
        assertThat(operations.find("svc_1", accepted.operation().operationId()).orElseThrow().status())
                .isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void aServerChangedByHandStopsTheOperationForStaffAndTheServiceKeepsItsStatus() {
        behaviour.put("one", a -> new StepOutcome.Attention("server 7 was reassigned by hand"));
        OperationAccepted accepted = staffRequests(OperationKind.SUSPEND, null, null);
        drain();
        assertThat(ran).containsExactly("one#1");
        assertThat(operations.find("svc_1", accepted.operation().operationId()).orElseThrow().status())
                .isEqualTo(OperationStatus.NEEDS_ATTENTION);
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(services.get("svc_1").statusReason()).startsWith("needs staff attention").contains("by hand");
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("noc@example.test");
            assertThat(m.variables().get("reason")).contains("reassigned by hand");
        });
        assertThat(operations.current("svc_1")).isEmpty();
    }

    @Test
    void transientFailuresAreRetriedWithBackoffThenFailForStaff() {
        behaviour.put("one", a -> new StepOutcome.Retry(Duration.ofSeconds(a), "TenantOS unavailable"));
        OperationAccepted accepted = staffRequests(OperationKind.SUSPEND, null, null);
        drain();
        assertThat(ran).hasSize(LedgeredSteps.MAX_FAILURES);
        Operation failed = operations.find("svc_1", accepted.operation().operationId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.detail()).contains("gave up after " + LedgeredSteps.MAX_FAILURES + " attempts");
        assertThat(mails).hasSize(1);
    }

    @Test
    void aLongWaitDoesNotUseUpTheRetriesOfALaterFailure() {
        int[] runs = {0};
        // 20 polls, then two transient failures, then done: waits do not count towards the cap of 8
        behaviour.put("two", a -> {
            int run = ++runs[0];
            if (run <= 20) {
                return new StepOutcome.Wait(Duration.ofSeconds(2), "wiping");
            }
            return run <= 22 ? new StepOutcome.Retry(Duration.ofSeconds(a), "TenantOS unavailable")
                    : new StepOutcome.Done("wiped");
        });
        OperationAccepted accepted = staffRequests(OperationKind.SUSPEND, null, null);
        drain();
        assertThat(operations.find("svc_1", accepted.operation().operationId()).orElseThrow().status())
                .isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(ran).endsWith("two#1", "two#2", "two#3");
    }

    @Test
    void requestsThatMakeNoSenseNowAre409NamingTheState() {
        assertThatThrownBy(() -> staffRequests(OperationKind.UNSUSPEND, null, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("is ACTIVE");
        staffRequests(OperationKind.SUSPEND, null, null);
        assertThatThrownBy(() -> staffRequests(OperationKind.TERMINATE, null, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("another action (suspend");
        services.put("svc_2", service("svc_2", "cust_1", ServiceStatus.TERMINATED));
        assertThatThrownBy(() -> requests.request(new OperationCommand(Caller.staff("s"), "svc_2",
                OperationKind.TERMINATE, null, null, Map.of()))).hasMessageContaining("is TERMINATED");
    }

    @Test
    void theSameKeyReplaysTheFirstAnswerAndAnotherRequestWithItIsRefused() {
        OperationAccepted first = customerReinstall("cust_1", "alma-9", "key-1");
        OperationAccepted again = customerReinstall("cust_1", "alma-9", "key-1");
        assertThat(again.replayed()).isTrue();
        assertThat(again.operation().operationId()).isEqualTo(first.operation().operationId());
        assertThat(operations.operations).hasSize(1);
        assertThatThrownBy(() -> customerReinstall("cust_1", "debian-12", "key-1"))
                .isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void customersReinstallOnlyTheirOwnServiceWithAnOfferedOsAndAKey() {
        assertThatThrownBy(() -> customerReinstall("cust_2", "alma-9", "k")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> customerReinstall("cust_1", "beos", "k"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations().getFirst().field())
                        .isEqualTo("osTemplateId"));
        assertThatThrownBy(() -> customerReinstall("cust_1", "alma-9", null))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations().getFirst().field())
                        .isEqualTo("Idempotency-Key"));
        OperationAccepted accepted = customerReinstall("cust_1", "alma-9", "k2");
        assertThat(accepted.operation().parameters()).containsEntry("osName", "AlmaLinux 9");
        drain();
        assertThat(services.get("svc_1").osName()).isEqualTo("AlmaLinux 9");
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void anOperationWhoseFirstMessageWasLostIsDispatchedByTheSweep() {
        RequestOperation broken = new RequestOperation(new InMemoryServices(services), null, operations,
                operations.answerStore, (r, d) -> {
                    throw new IllegalStateException("queue down");
                }, FakeBackend.registry(new FakeBackend("fake", null, (LifecycleModule) new LifecycleModule() {
                    public Optional<OperationPlan> plan(OperationKind kind) {
                        return Optional.of(OperationPlan.endingAtLastStep(List.of("one")));
                    }
                    public StepOutcome run(Operation operation, String step, Service service, int attempt) {
                        return new StepOutcome.Done("done");
                    }
                }, null)), new SortableIds(clock), clock);
        OperationAccepted accepted = broken.request(new OperationCommand(Caller.staff("s"), "svc_1",
                OperationKind.SUSPEND, null, null, Map.of()));
        assertThat(accepted.operation().dispatched()).isFalse();
        Clock later = Clock.offset(clock, Duration.ofMinutes(5));
        SweepUndispatchedOperations.Result result = new SweepUndispatchedOperations(operations,
                new InMemoryServices(services), (r, d) -> queue.add(r), later).sweep();
        assertThat(result.dispatched()).isEqualTo(1);
        drain();
        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.SUSPENDED);
    }

    private OperationAccepted staffRequests(OperationKind kind, String key, String reason) {
        return requests.request(new OperationCommand(Caller.staff("staff-1"), "svc_1",
                kind, key, reason, Map.of()));
    }

    private OperationAccepted customerReinstall(String customer, String os, String key) {
        return requests.request(new OperationCommand(Caller.customer(customer), "svc_1", OperationKind.REINSTALL, key,
                null, Map.of(RequestOperation.OS_TEMPLATE_ID, os)));
    }

    private void drain() {
        for (int i = 0; i < 100 && !queue.isEmpty(); i++) {
            runner.handle(queue.poll());
        }
    }

    private static Service service(String id, String customer, ServiceStatus status) {
        return service(id, customer, status, "fake");
    }

    private static Service service(String id, String customer, ServiceStatus status, String backend) {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        SoldProduct sold = new SoldProduct("dedi", "Dedi", ServiceType.DEDICATED, backend, "conn", "noc@example.test",
                BillingCycle.MONTHLY, Map.of(), Map.of());
        return new Service(id, "ord_" + id, customer, customer + "@example.test", sold, "a.example.com", "debian-12",
                "Debian 12", status, null, 1, at, at);
    }

    @Test
    void aTerminatedServiceKeepsNoCredentials() {
        secrets.put("svc_1", "root-password", "s3cret");
        secrets.put("other", "root-password", "kept");
        staffRequests(OperationKind.TERMINATE, null, null);
        drain();

        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.TERMINATED);
        assertThat(secrets.get("svc_1", "root-password")).isEmpty();
        assertThat(secrets.get("other", "root-password")).contains("kept");
    }

    @Test
    void aBackEndWithoutLifecycleSupportIsRefusedWith409NamingIt() {
        services.put("svc_2", service("svc_2", "cust_1", ServiceStatus.ACTIVE, "provisioning-only"));

        assertThatThrownBy(() -> requests.request(new OperationCommand(Caller.staff("s"), "svc_2",
                OperationKind.SUSPEND, null, null, Map.of())))
                .isInstanceOfSatisfying(Conflict.class, e -> {
                    assertThat(e.field()).isEqualTo("backend");
                    assertThat(e.getMessage()).isEqualTo("suspend is not supported by the Fake provisioning-only back-end");
                });
        assertThat(operations.list("svc_2")).isEmpty();
        assertThat(queue).isEmpty();
    }
}
