package io.hostwright.domain.usage;

import io.hostwright.domain.backend.BackendFailure;
import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.service.ServiceStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.hostwright.domain.usage.UsageWorld.TB;
import static io.hostwright.domain.usage.UsageWorld.minutes;
import static org.assertj.core.api.Assertions.assertThat;

/** Bandwidth polling of one service: counting, catching up, thresholds, overuse actions and period boundaries. */
class PollUsageTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private UsageWorld world(BandwidthPolicy.OveruseAction action) {
        return new UsageWorld(UsageWorld.policy(action));
    }

    @Test
    void eachWindowIsCountedOnceHoweverOftenItIsPolled() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.flow(T0.minus(minutes(20)), T0.plus(minutes(30)), 1_000, 4_000);
        world.pollAt(T0);
        long first = world.period(T0).bytesIn();

        PollUsage.Outcome again = world.pollAt(T0.plus(minutes(2)));

        assertThat(again.status()).isEqualTo(PollUsage.Status.NOTHING_NEW);
        assertThat(world.period(T0).bytesIn()).isEqualTo(first);
        PollUsage.Outcome later = world.pollAt(T0.plus(minutes(11)));
        assertThat(later.windows()).isEqualTo(2);
        assertThat(world.period(T0).bytesIn()).isEqualTo(first + 2_000);
        assertThat(world.period(T0).cursor()).isEqualTo(T0.plus(minutes(10)));
    }

    @Test
    void theWindowStillRunningIsNotCountedYet() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.flow(T0, T0.plus(minutes(10)), 1_000, 0);

        world.pollAt(T0.plus(minutes(4)));

        assertThat(world.period(T0).bytesIn()).isZero();
        assertThat(world.period(T0).cursor()).isEqualTo(T0);
    }

    @Test
    void missedWindowsAreCaughtUpOnTheNextPoll() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(60)), 100, 200);

        PollUsage.Outcome caughtUp = world.pollAt(T0.plus(minutes(61)));

        assertThat(caughtUp.windows()).isEqualTo(12);
        assertThat(world.period(T0).bytesIn()).isEqualTo(1_200);
        assertThat(world.period(T0).bytesOut()).isEqualTo(2_400);
    }

    @Test
    void aWindowTheBackEndReportsNegativeCountsNothingAndIsReported() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(15)), 500, 500);
        world.traffic.put(T0.plus(minutes(5)), new long[]{-9_000_000, -12_000_000});

        PollUsage.Outcome outcome = world.pollAt(T0.plus(minutes(15)));

        assertThat(outcome.resetWindows()).isEqualTo(1);
        assertThat(world.period(T0).bytesIn()).isEqualTo(1_000);
        assertThat(world.period(T0).bytesOut()).isEqualTo(1_000);
    }

    @Test
    void twoPollsOfOneServiceRacingCountEachWindowOnce() throws Exception {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(60)), 1_000, 1_000);
        world.clock.set(T0.plus(minutes(60)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PollUsage.Outcome>> polls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            PollUsage poll = world.poll();
            polls.add(pool.submit(() -> {
                start.await();
                return poll.poll(world.service);
            }));
        }
        start.countDown();
        int counted = 0;
        for (Future<PollUsage.Outcome> poll : polls) {
            counted += poll.get().windows();
        }
        pool.shutdown();

        assertThat(counted).isEqualTo(12);
        assertThat(world.period(T0).bytesIn()).isEqualTo(12_000);
    }

    @Test
    void nearAndOverTheAllowanceAreEachMailedOncePerPeriod() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.pollAt(T0);
        // 10 TB allowance: 8.5 TB in the first hour, 2 TB more in the second
        world.flow(T0, T0.plus(minutes(60)), 0, 8_500_000_000_000L / 12);
        for (int m = 5; m <= 60; m += 5) {
            world.pollAt(T0.plus(minutes(m)));
            world.pollAt(T0.plus(minutes(m)));
        }
        assertThat(world.mails("bandwidth-near-limit")).singleElement().satisfies(mail -> {
            assertThat(mail.variables()).containsEntry(MailVariables.LIMIT_TB, "10.00")
                    .containsEntry(MailVariables.USAGE_PERCENT, "84");
            assertThat(mail.to()).containsExactly("cust@example.test");
        });
        assertThat(world.mails("bandwidth-over-limit")).isEmpty();

        world.flow(T0.plus(minutes(60)), T0.plus(minutes(120)), 0, 2_000_000_000_000L / 12);
        for (int m = 65; m <= 120; m += 5) {
            world.pollAt(T0.plus(minutes(m)));
        }

        assertThat(world.mails("bandwidth-near-limit")).hasSize(1);
        assertThat(world.mails("bandwidth-over-limit")).singleElement().satisfies(mail -> {
            assertThat(mail.variables().get(MailVariables.OVERUSE_ACTION)).contains("nothing changes");
            assertThat(mail.event()).isEqualTo("bandwidth-over-limit#" + world.period(T0).period().start());
        });
        assertThat(world.actions.asked).isEmpty();
    }

    @Test
    void aJumpPastTheAllowanceSendsOnlyTheOverMail() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(5)), 0, 11 * TB);

        world.pollAt(T0.plus(minutes(5)));

        assertThat(world.mails("bandwidth-near-limit")).isEmpty();
        assertThat(world.mails("bandwidth-over-limit")).hasSize(1);
    }

    @Test
    void overuseSuspendAsksForOneSuspensionAndRetriesWhileItIsRefused() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.SUSPEND);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(5)), 0, 11 * TB);
        world.actions.refuse = true;

        world.pollAt(T0.plus(minutes(5)));
        assertThat(world.mails("bandwidth-over-limit")).as("told once the suspension is asked for").isEmpty();

        world.actions.refuse = false;
        world.pollAt(T0.plus(minutes(10)));
        world.pollAt(T0.plus(minutes(15)));

        assertThat(world.actions.asked).hasSize(2).allSatisfy(ask -> assertThat(ask)
                .startsWith("suspend bandwidth-suspend-svc_1-" + world.period(T0).period().start())
                .contains("traffic over the allowance: 11.00 TB of 10.00 TB"));
        assertThat(world.period(T0).suspendOperationId()).isNotNull();
        assertThat(world.mails("bandwidth-over-limit")).singleElement().satisfies(mail ->
                assertThat(mail.variables().get(MailVariables.OVERUSE_ACTION)).contains("suspended"));
    }

    @Test
    void overuseBillMetersEveryStartedTerabyte() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.BILL);
        world.pollAt(T0);
        // a burst: 9.5 TB, then 1.7 TB more: 1.2 TB over, 2 started TB
        world.flow(T0, T0.plus(minutes(5)), 0, 9_500_000_000_000L);
        world.flow(T0.plus(minutes(5)), T0.plus(minutes(10)), 700_000_000_000L, 1_000_000_000_000L);
        world.pollAt(T0.plus(minutes(10)));

        UsagePeriod period = world.period(T0);
        assertThat(period.overageTb()).isEqualTo(2);
        assertThat(period.overagePrice()).isEqualTo(new Price("EUR", 300));
        assertThat(world.mails("bandwidth-over-limit")).singleElement().satisfies(mail ->
                assertThat(mail.variables().get(MailVariables.OVERUSE_ACTION)).contains("1.50 EUR").contains("2 TB"));
        UsageExport.Page export = new UsageExport(world.ledger, world.clock).page(YearMonth.of(2026, 11), null, 100);
        assertThat(export.rows()).singleElement().satisfies(row -> {
            assertThat(row.overageTb()).isEqualTo(2);
            assertThat(row.amount()).isEqualTo(new Price("EUR", 300));
            assertThat(row.closed()).isFalse();
        });
    }

    @Test
    void aNewPeriodStartsWithAFreshAllowanceAndTheOldOneIsFinishedFirst() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        // the service's periods start on the 15th: the boundary is 2026-12-15T00:00Z
        Instant boundary = Instant.parse("2026-12-15T00:00:00Z");
        world.pollAt(boundary.minus(minutes(30)));
        world.flow(boundary.minus(minutes(30)), boundary.plus(minutes(30)), 0, 6 * TB / 6);

        world.pollAt(boundary.plus(minutes(30)));

        UsagePeriod before = world.period(boundary.minusSeconds(1));
        UsagePeriod after = world.period(boundary);
        assertThat(before.period().end()).isEqualTo(boundary);
        assertThat(before.bytesOut()).isEqualTo(6 * TB);
        assertThat(before.cursor()).isEqualTo(boundary);
        assertThat(after.bytesOut()).isEqualTo(6 * TB);
        assertThat(after.period().start()).isEqualTo(boundary);
        assertThat(world.mails("bandwidth-over-limit")).as("6 TB in each period: no period is over").isEmpty();
        assertThat(world.mails("bandwidth-near-limit")).isEmpty();
    }

    @Test
    void aSuspensionOfOursEndsWhenTheNextPeriodStarts() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.SUSPEND);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(5)), 0, 11 * TB);
        world.pollAt(T0.plus(minutes(5)));
        world.service = world.service.transitionTo(ServiceStatus.SUSPENDED, "traffic", T0.plus(minutes(7)));

        world.pollAt(Instant.parse("2026-12-14T23:55:00Z"));
        assertThat(world.actions.asked).as("still the same period").hasSize(1);
        world.pollAt(Instant.parse("2026-12-15T00:05:00Z"));
        world.pollAt(Instant.parse("2026-12-15T00:10:00Z"));

        assertThat(world.actions.asked).hasSize(3).last().asString()
                .isEqualTo("unsuspend bandwidth-unsuspend-svc_1-2026-12-15T00:00:00Z");
    }

    @Test
    void aSuspensionSomebodyActedOnSinceIsLeftAlone() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.SUSPEND);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(5)), 0, 11 * TB);
        world.pollAt(T0.plus(minutes(5)));
        world.service = world.service.transitionTo(ServiceStatus.SUSPENDED, "by staff", T0.plus(minutes(7)));
        world.actions.latestAndSucceeded = false;

        world.pollAt(Instant.parse("2026-12-15T00:05:00Z"));

        assertThat(world.actions.asked).hasSize(1);
    }

    @Test
    void aSuspendedServiceCountsOnlyUpToItsSuspensionAndATerminatedOneNothing() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(60)), 1_000, 0);
        world.service = world.service.transitionTo(ServiceStatus.SUSPENDED, "unpaid", T0.plus(minutes(20)));

        world.pollAt(T0.plus(minutes(60)));
        assertThat(world.period(T0).bytesIn()).isEqualTo(4_000);
        world.service = world.service.transitionTo(ServiceStatus.TERMINATED, null, T0.plus(minutes(61)));
        PollUsage.Outcome terminated = world.pollAt(T0.plus(minutes(90)));

        assertThat(terminated.status()).isEqualTo(PollUsage.Status.NOT_POLLED);
        assertThat(world.period(T0).bytesIn()).isEqualTo(4_000);
    }

    @Test
    void aBackEndThatCannotBeReadCountsNothingAndTheNextPollCatchesUp() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(30)), 10, 0);
        world.failure = new BackendFailure.Transient("503", 503, null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.pollAt(T0.plus(minutes(15))))
                .isInstanceOf(BackendFailure.class);
        assertThat(world.period(T0).cursor()).isEqualTo(T0);
        world.failure = null;
        world.pollAt(T0.plus(minutes(30)));

        assertThat(world.period(T0).bytesIn()).isEqualTo(60);
    }

    @Test
    void aServiceNotPolledForLongerThanTheCatchUpKeepsOnlyItsLastWeek() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.pollAt(Instant.parse("2026-11-16T00:00:00Z"));

        PollUsage.Outcome outcome = world.pollAt(Instant.parse("2026-11-30T00:00:00Z"));

        assertThat(outcome.skippedWindows()).isEqualTo(7 * 24 * 12);
        assertThat(world.period(Instant.parse("2026-11-30T00:00:00Z")).cursor())
                .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void theServicesOwnMailsNameTheCustomerNeverStaff() {
        UsageWorld world = world(BandwidthPolicy.OveruseAction.NOTIFY);
        world.pollAt(T0);
        world.flow(T0, T0.plus(minutes(5)), 0, 11 * TB);
        world.pollAt(T0.plus(minutes(5)));

        assertThat(world.mails).extracting(MailRequest::to).containsOnly(List.of("cust@example.test"));
    }
}
