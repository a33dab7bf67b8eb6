package io.hostwright.domain.operation;

import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.fixtures.RecordingMailQueue;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.service.InMemoryServices;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.domain.step.FollowUp;
import io.hostwright.domain.step.InMemoryLedger;
import io.hostwright.domain.step.StepLedger;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.SweepStalledSteps;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety net under every chain of steps: a follow-up lost on the way is sent again, and only then. */
class SweepStalledStepsTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final Map<String, Service> services = new HashMap<>();
    private final InMemoryOperations operations = new InMemoryOperations();
    private final List<StepMessage> provisioning = new ArrayList<>();
    private final List<StepMessage> lifecycle = new ArrayList<>();
    private final RecordingMailQueue staff = new RecordingMailQueue();
    private final SweepStalledSteps sweep = new SweepStalledSteps(ledger, new InMemoryServices(services), operations,
            (request, delay) -> provisioning.add(request), (request, delay) -> lifecycle.add(request), staff, clock);

    @Test
    void aFollowUpThatNeverRanIsSentAgainGraceApartThenGivenUpForStaff() {
        services.put("svc_1", Samples.service("svc_1", "alice", Samples.dedicated("p", "fake", "c", Map.of()),
                ServiceStatus.PROVISIONING));
        StepMessage next = ranWithFollowUp("svc_1", null, "await-install", 2);

        clock.advance(SweepStalledSteps.GRACE.minusSeconds(1));
        assertThat(sweep.sweep().resent()).as("a run may still be on its way").isZero();

        clock.advance(Duration.ofSeconds(5));
        assertThat(sweep.sweep().resent()).isOne();
        assertThat(provisioning).containsExactly(next);
        assertThat(sweep.sweep().resent()).as("not again straight away").isZero();

        for (int i = 2; i <= SweepStalledSteps.MAX_RESENDS; i++) {
            clock.advance(SweepStalledSteps.GRACE.plusSeconds(1));
            assertThat(sweep.sweep().resent()).isOne();
        }
        clock.advance(SweepStalledSteps.GRACE.plusSeconds(1));
        SweepStalledSteps.Result last = sweep.sweep();

        assertThat(last.resent()).isZero();
        assertThat(last.givenUp()).singleElement().satisfies(c -> assertThat(c.serviceId()).isEqualTo("svc_1"));
        assertThat(provisioning).hasSize(SweepStalledSteps.MAX_RESENDS);
        assertThat(staff.queued).singleElement().satisfies(mail -> {
            assertThat(mail.template()).isEqualTo(MailTemplate.STAFF_FAILURE);
            assertThat(mail.serviceId()).isEqualTo("svc_1");
            assertThat(mail.variables().get("reason")).contains("await-install").contains("never ran");
        });
        clock.advance(Duration.ofDays(1));
        assertThat(sweep.sweep()).isEqualTo(new SweepStalledSteps.Result(0, 0, List.of(), 0));
    }

    @Test
    void aChainThatMovesOnIsNeverStalledAndOneThatEndsLeavesNothingBehind() {
        services.put("svc_1", Samples.service("svc_1", "alice", Samples.dedicated("p", "fake", "c", Map.of()),
                ServiceStatus.PROVISIONING));
        for (int attempt = 1; attempt <= 20; attempt++) {
            ranWithFollowUp("svc_1", null, "await-install", attempt);
            clock.advance(Duration.ofMinutes(1));
            assertThat(sweep.sweep().resent()).isZero();
        }
        StepLedger.Claimed last = (StepLedger.Claimed) ledger.claim("svc_1", null, 3, "await-install", 21,
                clock.instant(), LEASE);
        ledger.complete(last, StepStatus.SUCCEEDED, "installed", null, clock.instant());

        clock.advance(Duration.ofDays(1));
        assertThat(sweep.sweep().resent()).isZero();
        assertThat(provisioning).isEmpty();
    }

    @Test
    void theChainOfAServiceThatFailedOrOfAnOperationThatEndedIsDroppedNotResent() {
        services.put("svc_failed", Samples.service("svc_failed", "alice",
                Samples.dedicated("p", "fake", "c", Map.of()), ServiceStatus.FAILED));
        ranWithFollowUp("svc_failed", null, "await-install", 4);
        services.put("svc_2", Samples.service("svc_2", "bob", Samples.dedicated("p", "fake", "c", Map.of()),
                ServiceStatus.ACTIVE));
        ranWithFollowUp("svc_2", "op_gone", "power-off", 1);

        clock.advance(Duration.ofHours(1));
        SweepStalledSteps.Result result = sweep.sweep();

        assertThat(result.dropped()).isEqualTo(2);
        assertThat(provisioning).isEmpty();
        assertThat(lifecycle).isEmpty();
        assertThat(sweep.sweep().dropped()).isZero();
    }

    /** A run of {@code step}'s {@code attempt} that ended waiting, its follow-up recorded (and then lost). */
    private StepMessage ranWithFollowUp(String serviceId, String operationId, String step, int attempt) {
        StepLedger.Claimed claimed = (StepLedger.Claimed) ledger.claim(serviceId, operationId, 3, step, attempt,
                clock.instant(), LEASE);
        StepMessage next = new StepMessage(serviceId, "ord_1", "fake", step, attempt + 1);
        ledger.complete(claimed, StepStatus.WAITING, "waiting", new FollowUp(next, Duration.ofSeconds(2)),
                clock.instant());
        return next;
    }
}
