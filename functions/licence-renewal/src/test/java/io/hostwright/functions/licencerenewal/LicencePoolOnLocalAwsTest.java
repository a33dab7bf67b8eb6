package io.hostwright.functions.licencerenewal;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.licence.AttachLicence;
import io.hostwright.domain.licence.LicenceAttempt;
import io.hostwright.domain.licence.LicenceRecord;
import io.hostwright.domain.licence.PoolLicence;
import io.hostwright.domain.licence.PooledLicence;
import io.hostwright.domain.service.Service;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.simulator.billmanager.NewLicence;
import io.hostwright.simulator.billmanager.Seed;
import io.hostwright.simulator.billmanager.SimulatedLicence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Getting a licence for a delivered server and giving it back, through the production adapters on DynamoDB Local and
 * the BILLmanager licence simulator: the pool is never double-spent, its rule is kept, a reuse cut short leaves the
 * licence in the pool, and a terminated service's licence is there for the next one.
 */
@ExtendWith(LocalAwsExtension.class)
class LicencePoolOnLocalAwsTest {

    private static final Duration RESTED = Duration.ofDays(40);
    private static final Duration RUNS = Duration.ofDays(60);

    private LicenceWorld world;

    @BeforeEach
    void start(LocalAws aws) {
        world = new LicenceWorld(aws, List.of(Map.of("servicePeriodMonths", 3, "buyMonths", 12,
                "productId", "ded-yearly")));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void twentyOrdersAtOnceAgainstFiveFreeLicencesReuseFiveBuyFifteenAndShareNone() throws Exception {
        List<Long> free = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            free.add(world.freeLicence(i % 2 == 0 ? LicenceWorld.MONTHLY : LicenceWorld.YEARLY, RESTED, RUNS).id());
        }
        world.freeLicence(Seed.ISPMANAGER6_LITE, RESTED, RUNS); // another panel
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            services.add(world.service());
        }

        ExecutorService racers = Executors.newFixedThreadPool(20);
        List<Future<LicenceAttempt>> attempts = new ArrayList<>();
        try {
            for (Service service : services) {
                Callable<LicenceAttempt> attach = () -> world.attach.attach(service, LicenceWorld.ipOf(service));
                attempts.add(racers.submit(attach));
            }
            for (Future<LicenceAttempt> attempt : attempts) {
                assertThat(attempt.get()).isInstanceOf(LicenceAttempt.Attached.class);
            }
        } finally {
            racers.shutdownNow();
        }

        List<LicenceRecord> records = services.stream().map(world::record).toList();
        assertThat(records).allSatisfy(r -> assertThat(r.state()).isEqualTo(LicenceRecord.State.ACTIVE));
        assertThat(records).filteredOn(LicenceRecord::reused).extracting(r -> Long.parseLong(r.licenceId()))
                .containsExactlyInAnyOrderElementsOf(free);
        assertThat(world.orders()).as("bought").isEqualTo(15);
        assertThat(records).extracting(LicenceRecord::licenceId).as("no licence on two services").doesNotHaveDuplicates();
        for (Service service : services) {
            LicenceRecord record = world.record(service);
            assertThat(world.upstreamNamedFor(service)).as("upstream: one licence, on its IP").singleElement()
                    .satisfies(l -> {
                        assertThat(Long.toString(l.id())).isEqualTo(record.licenceId());
                        assertThat(l.ip()).isEqualTo(LicenceWorld.ipOf(service));
                        assertThat(world.secrets.get(service.serviceId(), LicenceRecord.KEY_SECRET)).contains(l.key());
                    });
        }
        List<PooledLicence> held = world.pooled().stream().filter(p -> p.heldBy() != null).toList();
        assertThat(held).as("in DynamoDB: each held by the service it is named for").hasSize(20).allSatisfy(p ->
                assertThat(world.record(world.reload(services.stream()
                        .filter(s -> s.serviceId().equals(p.heldBy())).findFirst().orElseThrow())).licenceId())
                        .isEqualTo(p.licence().upstreamId()));
        assertThat(world.billing.freeLicences()).as("the other panel's licence is not taken").hasSize(1);
    }

    @Test
    void aFreeLicenceWhoseIpChangedTenDaysAgoIsNotReused() {
        SimulatedLicence recent = world.freeLicence(LicenceWorld.MONTHLY, Duration.ofDays(10), RUNS);
        Service service = world.service();

        assertThat(world.attach.attach(service, LicenceWorld.ipOf(service))).isInstanceOf(LicenceAttempt.Attached.class);

        assertThat(world.record(service).reused()).isFalse();
        assertThat(world.record(service).licenceId()).isNotEqualTo(Long.toString(recent.id()));
        assertThat(world.orders()).isEqualTo(1);
        assertThat(world.billing.licence(recent.id()).name()).isEqualTo(PoolLicence.FREE_NAME);
    }

    @Test
    void aReuseFailingHalfWayPutsTheLicenceBackInThePoolUpstreamAndInDynamoDb() {
        SimulatedLicence free = world.freeLicence(LicenceWorld.MONTHLY, RESTED, RUNS);
        Service service = world.service();
        world.billing.faults().next(1, "/billmgr/soft.newkey", 500);

        LicenceAttempt attempt = world.attach.attach(service, LicenceWorld.ipOf(service));

        assertThat(attempt).isInstanceOfSatisfying(LicenceAttempt.Pending.class, pending ->
                assertThat(pending.reason()).contains("licence " + free.id()).contains("back in the pool"));
        SimulatedLicence after = world.billing.licence(free.id());
        assertThat(after.name()).isEqualTo(PoolLicence.FREE_NAME);
        assertThat(after.ip()).isEqualTo(PoolLicence.FREE_IP);
        assertThat(world.pooled()).filteredOn(p -> p.licence().upstreamId().equals(Long.toString(free.id())))
                .singleElement().satisfies(p -> {
                    assertThat(p.heldBy()).isNull();
                    assertThat(p.licence().name()).isEqualTo(PoolLicence.FREE_NAME);
                });
        assertThat(world.record(service).state()).isEqualTo(LicenceRecord.State.PENDING);

        // tried again: the licence it touched rests now (its IP just changed), so one is bought
        assertThat(world.attach.attach(service, null)).isInstanceOf(LicenceAttempt.Attached.class);
        assertThat(world.record(service).reused()).isFalse();
        assertThat(world.orders()).isEqualTo(1);
        assertThat(world.upstreamNamedFor(service)).singleElement()
                .satisfies(l -> assertThat(l.ip()).isEqualTo(LicenceWorld.ipOf(service)));
    }

    @Test
    void anAttemptRepeatedAfterOneThatGotALicenceNamedForTheServiceFinishesThatOneInsteadOfBuyingAnother() {
        Service service = world.service();
        // an earlier attempt ordered it (the order names it for the service) and was cut short before recording it
        SimulatedLicence ordered = world.billing.addLicence(new NewLicence(AttachLicence.nameFor(service),
                LicenceWorld.ipOf(service), LicenceWorld.MONTHLY, 1, world.clock.instant().plus(Duration.ofDays(30)),
                null, null));

        LicenceAttempt again = world.attach.attach(service, LicenceWorld.ipOf(service));

        assertThat(again).isInstanceOf(LicenceAttempt.Attached.class);
        assertThat(world.orders()).as("nothing bought").isZero();
        assertThat(world.record(service).licenceId()).isEqualTo(Long.toString(ordered.id()));
        assertThat(world.secrets.get(service.serviceId(), LicenceRecord.KEY_SECRET)).contains(ordered.key());
        assertThat(world.pooled()).singleElement().satisfies(p -> assertThat(p.heldBy()).isEqualTo(service.serviceId()));
    }

    @Test
    void periodsAreAlignedToWhatTheServerSells() {
        Service monthly = world.service(BillingCycle.MONTHLY, LicenceWorld.MONTHLY, "ded-monthly");
        Service quarterly = world.service(BillingCycle.QUARTERLY, LicenceWorld.MONTHLY, "ded-monthly");
        Service annual = world.service(BillingCycle.ANNUALLY, LicenceWorld.YEARLY, "ded-monthly");
        Service quarterlyByRule = world.service(BillingCycle.QUARTERLY, LicenceWorld.YEARLY, "ded-yearly");

        for (Service s : List.of(monthly, quarterly, annual, quarterlyByRule)) {
            assertThat(world.attach.attach(s, LicenceWorld.ipOf(s))).isInstanceOf(LicenceAttempt.Attached.class);
        }

        assertThat(periodOf(monthly)).isEqualTo(1);
        assertThat(periodOf(quarterly)).as("3 months is not sold: the minimum").isEqualTo(1);
        assertThat(periodOf(annual)).isEqualTo(12);
        assertThat(periodOf(quarterlyByRule)).as("the product's rule: sell quarterly, buy yearly").isEqualTo(12);
    }

    @Test
    void terminatingGivesTheLicenceBackAndTheNextOrderReusesItOnceItHasRested() {
        Service first = world.service(BillingCycle.ANNUALLY, LicenceWorld.YEARLY, "ded-annual");
        world.attach.attach(first, LicenceWorld.ipOf(first));
        String licenceId = world.record(first).licenceId();

        assertThat(world.release.release(first)).isTrue();

        SimulatedLicence back = world.billing.licence(Long.parseLong(licenceId));
        assertThat(back.name()).isEqualTo(PoolLicence.FREE_NAME);
        assertThat(back.ip()).isEqualTo(PoolLicence.FREE_IP);
        assertThat(world.pooled()).filteredOn(p -> p.licence().upstreamId().equals(licenceId)).singleElement()
                .satisfies(p -> assertThat(p.heldBy()).isNull());
        assertThat(world.record(first).state()).isEqualTo(LicenceRecord.State.RETURNED);
        assertThat(world.secrets.get(first.serviceId(), LicenceRecord.KEY_SECRET)).isEmpty();

        world.clock.advance(Duration.ofDays(31));
        Service second = world.service();
        world.attach.attach(second, LicenceWorld.ipOf(second));

        assertThat(world.record(second).licenceId()).isEqualTo(licenceId);
        assertThat(world.record(second).reused()).isTrue();
        assertThat(world.orders()).isEqualTo(1);
    }

    @Test
    void aServiceEndingAfterAnAttemptCutShortBeforeItsRecordStillGivesBackWhatItTook() {
        SimulatedLicence free = world.freeLicence(LicenceWorld.MONTHLY, RESTED, RUNS);
        Service service = world.service();
        String id = Long.toString(free.id());
        world.pool.mirror(world.connectionId, new PoolLicence(id, PoolLicence.Status.ACTIVE, PoolLicence.FREE_NAME,
                PoolLicence.FREE_IP, free.expiresAt(), free.lastIpChange(), free.lastKeyChange()), LicenceWorld.MONTHLY);
        // the attempt died right after taking it: no record, nothing upstream
        world.pool.take(world.connectionId, id, service.serviceId(), world.clock.instant());

        assertThat(world.records.find(service.serviceId())).isEmpty();
        assertThat(world.release.release(service)).isTrue();

        assertThat(world.pooled()).singleElement().satisfies(p -> assertThat(p.heldBy()).isNull());
        assertThat(world.billing.licence(free.id()).name()).isEqualTo(PoolLicence.FREE_NAME);
    }

    @Test
    void theLicenceServerDownGivesAPendingLicenceNamingWhyAndNothingHeld() {
        world.freeLicence(LicenceWorld.MONTHLY, RESTED, RUNS);
        Service service = world.service();
        world.billing.faults().failing("/billmgr/soft", 503);

        LicenceAttempt attempt = world.attach.attach(service, LicenceWorld.ipOf(service));

        assertThat(attempt).isInstanceOf(LicenceAttempt.Pending.class);
        assertThat(world.record(service).reason()).isNotBlank().doesNotContain(world.billing.credential());
        assertThat(world.pooled()).allSatisfy(p -> assertThat(p.heldBy()).isNull());

        world.billing.faults().clear();
        assertThat(world.attach.attach(service, null)).isInstanceOf(LicenceAttempt.Attached.class);
        assertThat(world.record(service).reused()).isTrue();
    }

    private int periodOf(Service service) {
        return world.billing.licence(Long.parseLong(world.record(service).licenceId())).period();
    }
}
