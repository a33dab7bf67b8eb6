package io.hostwright.domain.provisioning;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.ServiceType;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.InMemoryConnections;
import io.hostwright.domain.fixtures.InMemoryLicencePool;
import io.hostwright.domain.fixtures.InMemoryLicenceServer;
import io.hostwright.domain.fixtures.InMemoryModuleState;
import io.hostwright.domain.fixtures.InMemorySecrets;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.licence.AttachLicence;
import io.hostwright.domain.licence.LicenceConnections;
import io.hostwright.domain.licence.LicencePorts;
import io.hostwright.domain.licence.LicenceRecord;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.SoldLicence;
import io.hostwright.domain.service.SoldProduct;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.InMemoryLedger;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.domain.step.StepResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step runner delivering a server sold with a control-panel licence: the licence is attached before the
 * customer is told the server is ready, and one that cannot be got yet never holds the server back.
 */
class ProvisioningWithLicenceTest {

    private static final String IP = "203.0.113.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Map<String, Service> services = new HashMap<>();
    private final Deque<StepMessage> queue = new ArrayDeque<>();
    private final List<MailRequest> mails = new ArrayList<>();
    private final InMemoryLicenceServer licenceServer = new InMemoryLicenceServer(clock);
    private final InMemoryLicencePool pool = new InMemoryLicencePool();
    private final InMemoryModuleState states = new InMemoryModuleState();
    private final InMemorySecrets secrets = new InMemorySecrets();
    private ProvisioningStepRunner runner;

    @BeforeEach
    void setUp() {
        ProvisioningModule module = new ProvisioningModule() {
            public List<String> steps() {
                return List.of("deliver");
            }

            public StepOutcome run(String step, Service service, int attempt) {
                return new StepOutcome.Done("delivered", IP, List.of(MailRequest.once(service.serviceId(),
                        MailTemplate.SERVER_READY, service.customerEmail(), Map.of(MailVariables.MAIN_IP, IP))
                        .withSecret(MailVariables.ROOT_PASSWORD, "root-password")));
            }
        };
        FakeBackend servers = new FakeBackend("fake", module, null, null);
        FakeBackend licences = new FakeBackend("licences", null, null, null)
                .withLicenceServers(connection -> licenceServer);
        var registry = FakeBackend.registry(servers, licences);
        InMemoryConnections connections = InMemoryConnections.of(new Connection("lic", "licences", "Licences",
                "https://lic.test", "env:L", "licences@example.test", Map.of("tariffs", Map.of("55382", "BILLmanager 6"))));
        AttachLicence attach = new AttachLicence(new LicencePorts(new LicenceConnections(registry, connections), pool,
                new LicenceRecords(states), secrets, clock));
        runner = new ProvisioningStepRunner(registry, attach, new InMemoryServices(services), new InMemoryLedger(),
                (request, delay) -> queue.add(request), mails::add,
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1)), clock);
        SoldProduct sold = new SoldProduct("dedi", "Dedi", ServiceType.DEDICATED, "fake", "conn", "noc@example.test",
                BillingCycle.MONTHLY, Map.of("controlPanel", "55382"), Map.of(), null,
                new SoldLicence("lic", 55382, "BILLmanager 6"));
        services.put("svc_1", new Service("svc_1", "ord_1", "alice", "alice@example.test", sold, "a.example.com",
                "debian-12", "Debian 12", ServiceStatus.PENDING, "waiting", 1, clock.instant(), clock.instant()));
    }

    private void provision() {
        runner.handle(new StepMessage("svc_1", "ord_1", "fake", StepMessage.FIRST_STEP, 1));
        while (!queue.isEmpty() && !ProvisioningStepRunner.LICENCE_STEP.equals(queue.peek().step())) {
            runner.handle(queue.poll());
        }
    }

    private List<MailRequest> mails(MailTemplate template) {
        return mails.stream().filter(m -> m.template() == template).toList();
    }

    @Test
    void theReadyMailCarriesTheLicenceAndItsKeyIsReadWhenTheMailIsSent() {
        provision();

        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(mails(MailTemplate.SERVER_READY)).singleElement().satisfies(m -> {
            assertThat(m.variables().get(MailVariables.LICENCE)).contains("BILLmanager 6").contains("licence 1001");
            assertThat(m.secretVariables()).containsEntry(MailVariables.LICENCE_KEY, LicenceRecord.KEY_SECRET)
                    .containsEntry(MailVariables.ROOT_PASSWORD, "root-password");
            assertThat(m.variables().values()).noneMatch(v -> v.contains("KEY-"));
        });
        assertThat(secrets.get("svc_1", LicenceRecord.KEY_SECRET)).contains("KEY-1");
        assertThat(licenceServer.get("1001").ip()).isEqualTo(IP);
        assertThat(queue).isEmpty();
    }

    @Test
    void aLicenceThatCannotBeGotYetLeavesTheServerActiveTellsStaffOnceAndIsTriedUntilItIsThere() {
        licenceServer.down = true;

        provision();

        assertThat(services.get("svc_1").status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(mails(MailTemplate.SERVER_READY)).singleElement().satisfies(m -> {
            assertThat(m.variables().get(MailVariables.LICENCE)).contains("on its way");
            assertThat(m.secretVariables()).doesNotContainKey(MailVariables.LICENCE_KEY);
        });
        assertThat(mails(MailTemplate.STAFF_LICENCE_PENDING)).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("noc@example.test"));
        StepMessage retry = queue.poll();
        assertThat(retry.step()).isEqualTo(ProvisioningStepRunner.LICENCE_STEP);

        runner.handle(retry);
        StepMessage again = queue.poll();
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(mails(MailTemplate.STAFF_LICENCE_PENDING)).as("queued again, sent once: the mailer keys on the"
                + " event").extracting(MailRequest::event).containsOnly("staff-licence-pending");

        licenceServer.down = false;
        assertThat(runner.handle(again)).isEqualTo(StepResult.RAN);
        assertThat(runner.handle(again)).as("a duplicate delivery").isEqualTo(StepResult.DUPLICATE);

        assertThat(mails(MailTemplate.LICENCE_READY)).singleElement().satisfies(m -> {
            assertThat(m.variables()).containsEntry(MailVariables.MAIN_IP, IP).containsEntry(MailVariables.PANEL,
                    "BILLmanager 6");
            assertThat(m.secretVariables()).containsEntry(MailVariables.LICENCE_KEY, LicenceRecord.KEY_SECRET);
        });
        assertThat(licenceServer.calls).filteredOn("order"::equals).hasSize(1);
        assertThat(queue).isEmpty();
    }

    @Test
    void aRetryForAServiceThatEndedMeanwhileDoesNothing() {
        licenceServer.down = true;
        provision();
        StepMessage retry = queue.poll();
        Service active = services.get("svc_1");
        services.put("svc_1", active.transitionTo(ServiceStatus.TERMINATED, "terminated", clock.instant()));
        licenceServer.down = false;

        assertThat(runner.handle(retry)).isEqualTo(StepResult.IGNORED);
        assertThat(licenceServer.calls).doesNotContain("order");
    }

    @Test
    void aServiceSoldWithoutALicenceGetsTheMailAsTheBackEndWroteIt() {
        Service plain = services.get("svc_1");
        SoldProduct sold = plain.sold();
        services.put("svc_1", new Service("svc_1", "ord_1", "alice", "alice@example.test", new SoldProduct(
                sold.productId(), sold.productName(), sold.type(), sold.backend(), sold.connectionId(),
                sold.department(), sold.billingCycle(), Map.of(), Map.of()), "a.example.com", "debian-12", "Debian 12",
                ServiceStatus.PENDING, "waiting", 1, clock.instant(), clock.instant()));

        provision();

        assertThat(mails(MailTemplate.SERVER_READY)).singleElement()
                .satisfies(m -> assertThat(m.variables()).doesNotContainKey(MailVariables.LICENCE));
        assertThat(licenceServer.calls).isEmpty();
    }
}
