package io.hostwright.functions.licencerenewal;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.backends.billmanager.BillManagerLicenceBackend;
import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.LicenceServers;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.licence.LicenceAttempt;
import io.hostwright.domain.licence.LicenceConnections;
import io.hostwright.domain.licence.LicencePorts;
import io.hostwright.domain.licence.LicenceRecord;
import io.hostwright.domain.licence.LicenceServer;
import io.hostwright.domain.licence.RenewLicences;
import io.hostwright.domain.licence.RenewalReport;
import io.hostwright.domain.licence.ServerLicence;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily renewal through the production adapters on DynamoDB Local against the BILLmanager licence simulator:
 * what is renewed and what is not, and that no run — repeated, cut short after asking — renews anything twice.
 */
@ExtendWith(LocalAwsExtension.class)
class LicenceRenewalOnLocalAwsTest {

    private LicenceWorld world;

    @BeforeEach
    void start(LocalAws aws) {
        world = new LicenceWorld(aws, List.of());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Services with licences bought today, a month ago in the licence's eyes; the clock then moves to 3 days before. */
    private List<Service> licensed(int count) {
        List<Service> services = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Service service = world.service(BillingCycle.MONTHLY, LicenceWorld.MONTHLY, "ded-" + world.run);
            assertThat(world.attach.attach(service, LicenceWorld.ipOf(service)))
                    .isInstanceOf(LicenceAttempt.Attached.class);
            services.add(service);
        }
        return services;
    }

    /** The customer paid another month. */
    private void paidOneMoreMonth(Service service) {
        Service current = world.reload(service);
        world.services.replace(current, current.withPaidUntil(Service.monthsAfter(current.paidUntil(), 1),
                world.clock.instant()));
    }

    private Instant expiryOf(Service service) {
        return world.billing.licence(Long.parseLong(world.record(service).licenceId())).expiresAt();
    }

    @Test
    void aRunRepeatedTheSameDayRenewsEachLicenceOnce() {
        List<Service> services = licensed(3);
        services.forEach(this::paidOneMoreMonth);
        Instant before = expiryOf(services.getFirst());
        world.clock.advance(Duration.ofDays(28));

        RenewalReport first = world.renewNow("run-1");
        world.clock.advance(Duration.ofHours(2));
        RenewalReport second = world.renewNow("run-2");

        assertThat(first.renewed()).hasSize(3);
        assertThat(first.failed()).isEmpty();
        assertThat(second.renewed()).isEmpty();
        assertThat(world.prolongs()).isEqualTo(3);
        assertThat(expiryOf(services.getFirst())).isAfter(before.plus(Duration.ofDays(27)));
        assertThat(world.record(services.getFirst()).expiresAt()).isEqualTo(expiryOf(services.getFirst()));
        assertThat(world.mail.of(MailTemplate.STAFF_LICENCE_RENEWAL)).as("one report, for the run that did something")
                .singleElement().satisfies(m -> {
                    assertThat(m.to()).containsExactly("licences@example.test");
                    assertThat(m.variables().get("report")).contains("Renewed: 3");
                });
    }

    @Test
    void theFunctionRunsEveryLicenceConnectionUnderTheEventsIdAndAnswersTotals() {
        Service service = licensed(1).getFirst();
        paidOneMoreMonth(service);
        world.clock.advance(Duration.ofDays(28));
        ScheduledEvent event = new ScheduledEvent();
        event.setId("evt-" + world.run);

        LicenceRenewalRun run = new ScheduledLicenceRenewalHandler(world.renew, world.clock)
                .handleRequest(event, InvocationContext.forTest("licence-renewal"));

        assertThat(run.runId()).isEqualTo("evt-" + world.run);
        assertThat(run.renewed()).isGreaterThanOrEqualTo(1);
        assertThat(run.reports()).filteredOn(r -> r.connectionId().equals(world.connectionId)).singleElement()
                .satisfies(r -> assertThat(r.renewed()).hasSize(1));
        assertThat(world.mail.queued).filteredOn(m -> m.serviceId().equals("licences:" + world.connectionId))
                .singleElement().satisfies(m -> assertThat(m.event()).isEqualTo("licence-renewal#evt-" + world.run));
    }

    @Test
    void aRunCutShortRightAfterTheProlongNeverProlongsTwice() {
        Service service = licensed(1).getFirst();
        paidOneMoreMonth(service);
        world.clock.advance(Duration.ofDays(28));
        LicenceServers real = world.backends.require(BillManagerLicenceBackend.NAME).licenceServers().orElseThrow();
        BackendRegistry dyingAfterProlong = new BackendRegistry(List.of(BillManagerLicenceBackend
                .factory(context -> connection -> crashingAfterProlong(real.at(connection))).create(null)));
        LicenceConnections dying = new LicenceConnections(dyingAfterProlong,
                new DynamoDbConnectionRepository(world.aws.dynamoDb(), world.aws.tableName()));
        RenewLicences crashing = new RenewLicences(new LicencePorts(dying, world.pool, world.records, world.secrets,
                world.clock), world.services, world.release, world.mail);

        assertThatThrownBy(() -> crashing.runOn(world.connection(), "run-crash")).hasMessageContaining("crash");
        assertThat(world.prolongs()).isEqualTo(1);

        RenewalReport next = world.renewNow("run-after");
        world.clock.advance(Duration.ofDays(1));
        RenewalReport tomorrow = world.renewNow("run-tomorrow");

        assertThat(world.prolongs()).as("the server shows the renewal; nobody asks again").isEqualTo(1);
        assertThat(next.renewed()).isEmpty();
        assertThat(tomorrow.renewed()).isEmpty();
        assertThat(world.record(service).expiresAt()).as("the record catches up with the server on the next attach"
                + " or renewal; the pool already did").isNotNull();
        assertThat(world.pooled()).singleElement().satisfies(p ->
                assertThat(p.licence().expiresAt()).isEqualTo(expiryOf(service)));
    }

    @Test
    void fundsRunningOutUpstreamAreReportedToStaffAndRetriedOnTheNextRun() {
        Service service = licensed(1).getFirst();
        paidOneMoreMonth(service);
        world.clock.advance(Duration.ofDays(28));
        world.billing.setBalance(BigDecimal.ZERO);

        RenewalReport refused = world.renewNow("run-poor");

        assertThat(refused.renewed()).isEmpty();
        assertThat(refused.failed()).singleElement().asString().contains("licence " + world.record(service).licenceId());
        assertThat(world.mail.of(MailTemplate.STAFF_LICENCE_RENEWAL)).singleElement()
                .extracting(m -> m.variables().get("report")).asString().contains("Failed: 1");

        world.billing.setBalance(new BigDecimal("100.00"));
        world.clock.advance(Duration.ofDays(1));
        RenewalReport paid = world.renewNow("run-rich");

        assertThat(paid.renewed()).hasSize(1);
        assertThat(world.mail.of(MailTemplate.STAFF_LICENCE_RENEWAL)).hasSize(2);
    }

    @Test
    void licencesOfSuspendedOrUnpaidServicesAreNotRenewedAndFreeOnesAreLeftToRunOut() {
        List<Service> services = licensed(3);
        Service suspended = services.get(0);
        Service unpaid = services.get(1);
        Service paid = services.get(2);
        paidOneMoreMonth(suspended);
        paidOneMoreMonth(paid);
        world.setStatus(suspended, ServiceStatus.SUSPENDED);
        world.freeLicence(LicenceWorld.MONTHLY, Duration.ofDays(40), Duration.ofDays(5));
        world.clock.advance(Duration.ofDays(28));

        RenewalReport report = world.renewNow("run-mixed");

        assertThat(report.renewed()).singleElement().asString().contains(paid.serviceId());
        assertThat(report.suspended()).isEqualTo(1);
        assertThat(report.unpaid()).isEqualTo(1);
        assertThat(report.freeExpiring()).isEqualTo(1);
        assertThat(world.prolongs()).isEqualTo(1);
    }

    @Test
    void aFreeLicenceLeftToRunOutIsNeverOfferedAgainOnceTheServerHasDeletedIt() {
        world.freeLicence(LicenceWorld.MONTHLY, Duration.ofDays(40), Duration.ofDays(2));
        assertThat(world.renewNow("run-left").freeExpiring()).isEqualTo(1);

        world.clock.advance(Duration.ofDays(40)); // unpaid: suspended at expiry, deleted 30 days later
        world.renewNow("run-gone");

        assertThat(world.billing.licences()).isEmpty();
        assertThat(world.pooled()).singleElement().satisfies(p -> {
            assertThat(p.licence().status()).isEqualTo(io.hostwright.domain.licence.PoolLicence.Status.OTHER);
            assertThat(p.available(world.clock.instant())).isFalse();
        });
        assertThat(world.prolongs()).isZero();
    }

    @Test
    void aConnectionThatKeepsFreeLicencesRenewsThemForAMonth(LocalAws aws) {
        try (LicenceWorld keeping = new LicenceWorld(aws, List.of(), true)) {
            var free = keeping.freeLicence(LicenceWorld.MONTHLY, Duration.ofDays(40), Duration.ofDays(2));

            RenewalReport report = keeping.renewNow("run-keep");

            assertThat(report.renewed()).singleElement().asString().contains("licence " + free.id() + " (free)");
            assertThat(keeping.billing.licence(free.id()).expiresAt())
                    .isAfter(free.expiresAt().plus(Duration.ofDays(27)));
            assertThat(keeping.billing.licence(free.id()).name()).isEqualTo("free.lic");
        }
    }

    @Test
    void aLicenceHeldByATerminatedServiceIsGivenBackByTheRun() {
        Service service = licensed(1).getFirst();
        String licenceId = world.record(service).licenceId();
        world.setStatus(service, ServiceStatus.TERMINATED); // its release at terminate failed

        RenewalReport report = world.renewNow("run-sweep");

        assertThat(report.released()).isEqualTo(1);
        assertThat(world.billing.licence(Long.parseLong(licenceId)).name()).isEqualTo("free.lic");
        assertThat(world.pooled()).singleElement().satisfies(p -> assertThat(p.heldBy()).isNull());
        assertThat(world.record(service).state()).isEqualTo(LicenceRecord.State.RETURNED);
    }

    @Test
    void theRunsMailsCarryNoKey() {
        Service service = licensed(1).getFirst();
        paidOneMoreMonth(service);
        world.clock.advance(Duration.ofDays(28));
        world.renewNow("run-keys");
        String key = world.secrets.get(service.serviceId(), LicenceRecord.KEY_SECRET).orElseThrow();

        assertThat(world.mail.queued).isNotEmpty().allSatisfy((MailRequest m) ->
                assertThat(m.variables().values()).noneMatch(v -> v.contains(key)));
    }

    private static LicenceServer crashingAfterProlong(LicenceServer real) {
        return new LicenceServer() {
            @Override
            public List<ServerLicence> licences() {
                return real.licences();
            }

            @Override
            public ServerLicence.Ordered order(String ip, String name, long pricelist, int months) {
                return real.order(ip, name, pricelist, months);
            }

            @Override
            public void prolong(String licenceId, int months) {
                real.prolong(licenceId, months);
                throw new IllegalStateException("crash: the function died right after the prolong");
            }

            @Override
            public void edit(String licenceId, String name, String ip) {
                real.edit(licenceId, name, ip);
            }

            @Override
            public String newKey(String licenceId) {
                return real.newKey(licenceId);
            }

            @Override
            public void suspend(String licenceId) {
                throw new BackendFailure.Permanent("not used", 0, null);
            }

            @Override
            public void resume(String licenceId) {
                throw new BackendFailure.Permanent("not used", 0, null);
            }
        };
    }
}
