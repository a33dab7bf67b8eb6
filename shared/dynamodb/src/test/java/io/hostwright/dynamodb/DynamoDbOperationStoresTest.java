package io.hostwright.dynamodb;

import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.ActionLock;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationRepository;
import io.hostwright.domain.operation.OperationStatus;
import io.hostwright.domain.step.StepLedger;
import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Operations, the action lock and kept answers on DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbOperationStoresTest {

    private final Instant now = Instant.parse("2026-11-22T10:00:00.5Z");
    private final String service = "svc_" + UUID.randomUUID();
    private final String scope = "customer:" + UUID.randomUUID();
    private LocalAws aws;
    private DynamoDbOperationRepository operations;
    private DynamoDbActionLocks locks;
    private DynamoDbActionAnswers answers;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        operations = operationsAt(now);
        locks = new DynamoDbActionLocks(aws.dynamoDb(), aws.tableName());
        answers = new DynamoDbActionAnswers(aws.dynamoDb(), aws.tableName(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private DynamoDbOperationRepository operationsAt(Instant at) {
        return new DynamoDbOperationRepository(aws.dynamoDb(), aws.tableName(), Clock.fixed(at, ZoneOffset.UTC));
    }

    private Operation operation(String serviceId, String operationId, Instant createdAt) {
        return new Operation(serviceId, operationId, OperationKind.REINSTALL, OperationStatus.QUEUED, scope, null,
                Map.of("osTemplateId", "debian-12", "osName", "Debian 12"), "queued", false, 1, createdAt, createdAt);
    }

    private Operation operation(String operationId) {
        return operation(service, operationId, now);
    }

    private static ActionLock lockOf(Operation operation) {
        return new ActionLock(operation.serviceId(), operation.operationId(), operation.kind().label(),
                operation.createdAt(), null);
    }

    private ActionAnswer answer(String key, Operation operation, Instant expiresAt) {
        return new ActionAnswer(scope, key, "fp-" + operation.operationId(), 202, operation.operationId(), now, expiresAt);
    }

    private ActionAnswer answer(String key, Operation operation) {
        return answer(key, operation, Instant.parse("2026-11-23T10:00:00Z"));
    }

    private static String opId() {
        return "op_" + UUID.randomUUID();
    }

    @Test
    void startWritesTheOperationItsLockAndItsAnswer() {
        Operation op = operation(opId());
        operations.start(op, lockOf(op), answer("k", op));

        assertThat(operations.find(service, op.operationId())).contains(op);
        assertThat(locks.current(service)).contains(lockOf(op));
        assertThat(answers.find(scope, "k")).contains(answer("k", op));
        assertThat(answers.find("customer:someone-else", "k")).isEmpty();
    }

    @Test
    void aSecondOperationOnTheServiceIsRefusedNamingTheHolderAndNothingOfItIsWritten() {
        Operation first = operation(opId());
        operations.start(first, lockOf(first), null);
        Operation second = operation(opId());

        assertThatThrownBy(() -> operations.start(second, lockOf(second), answer("k2", second)))
                .isInstanceOfSatisfying(OperationRepository.LockHeld.class,
                        held -> assertThat(held.holder()).isEqualTo(lockOf(first)));
        assertThat(operations.find(service, second.operationId())).isEmpty();
        assertThat(answers.find(scope, "k2")).isEmpty();
        assertThat(locks.current(service)).contains(lockOf(first));
    }

    @Test
    void ofTenOperationsRacingForOneServiceExactlyOneStarts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Operation op = operation(opId());
                racers.add(() -> {
                    try {
                        operations.start(op, lockOf(op), null);
                        return true;
                    } catch (OperationRepository.LockHeld held) {
                        return false;
                    }
                });
            }
            long started = 0;
            for (Future<Boolean> f : pool.invokeAll(racers)) {
                started += f.get() ? 1 : 0;
            }
            assertThat(started).isEqualTo(1);
            assertThat(operations.list(service)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyAnsweredMeanwhileRefusesTheStartAndNothingOfItIsWritten() {
        Operation first = operation(opId());
        operations.start(first, lockOf(first), answer("same", first));
        String otherService = "svc_" + UUID.randomUUID();
        Operation second = operation(otherService, opId(), now);

        assertThatThrownBy(() -> operations.start(second, lockOf(second), answer("same", second)))
                .isInstanceOf(OperationRepository.AnswerTaken.class);
        assertThat(operations.find(otherService, second.operationId())).isEmpty();
        assertThat(locks.current(otherService)).isEmpty();
        assertThat(answers.find(scope, "same")).contains(answer("same", first));
    }

    @Test
    void anExpiredAnswerIsIgnoredAndMayBeReplaced() {
        Operation old = operation(opId());
        answers.keep(answer("k", old, now.minusSeconds(1)));
        assertThat(answers.find(scope, "k")).isEmpty();

        Operation op = operation(opId());
        operations.start(op, lockOf(op), answer("k", op));
        assertThat(answers.find(scope, "k")).contains(answer("k", op));
    }

    @Test
    void theFirstKeptAnswerStandsUntilItExpires() {
        Operation first = operation(opId());
        Operation second = operation(opId());
        Instant inAMinute = Instant.parse("2026-11-22T10:01:00Z"); // a TTL attribute: whole epoch seconds
        answers.keep(answer("k", first, inAMinute));
        answers.keep(answer("k", second));
        assertThat(answers.find(scope, "k")).contains(answer("k", first, inAMinute));

        DynamoDbActionAnswers later = new DynamoDbActionAnswers(aws.dynamoDb(), aws.tableName(),
                Clock.fixed(now.plusSeconds(61), ZoneOffset.UTC));
        assertThat(later.find(scope, "k")).as("expired, though TTL has not deleted it yet").isEmpty();
        later.keep(answer("k", second));
        assertThat(later.find(scope, "k")).contains(answer("k", second));
    }

    @Test
    void aStaleVersionIsNotWritten() {
        Operation op = operation(opId());
        operations.start(op, lockOf(op), null);
        Operation running = op.withStatus(OperationStatus.RUNNING, "powering off", now.plusSeconds(1));

        assertThat(operations.replace(op, running)).isTrue();
        assertThat(operations.replace(op, op.withStatus(OperationStatus.FAILED, "stale", now.plusSeconds(2))))
                .as("second writer with a stale read").isFalse();
        assertThat(operations.find(service, op.operationId())).contains(running);
        assertThat(locks.current(service)).as("a refused end keeps the lock").contains(lockOf(op));
    }

    @Test
    void anEndedOperationLetsGoOfTheLockSoTheNextOneStarts() {
        Operation first = operation(opId());
        operations.start(first, lockOf(first), null);
        Operation running = first.withStatus(OperationStatus.RUNNING, "running", now);
        assertThat(operations.replace(first, running)).isTrue();
        assertThat(locks.current(service)).as("still running").contains(lockOf(first));

        Operation ended = running.withStatus(OperationStatus.SUCCEEDED, "done", now.plusSeconds(5));
        assertThat(operations.replace(running, ended)).isTrue();
        assertThat(locks.current(service)).isEmpty();
        assertThat(operations.find(service, first.operationId())).contains(ended);

        Operation next = operation(opId());
        operations.start(next, lockOf(next), null);
        assertThat(locks.current(service)).contains(lockOf(next));
    }

    @Test
    void anOperationEndingWhileAnotherHoldsTheLockIsWrittenAndLeavesTheLock() {
        Operation op = operation(opId());
        operations.start(op, lockOf(op), null);
        ActionLock quick = new ActionLock(service, "act_" + UUID.randomUUID(), "power off", now, now.plusSeconds(30));
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName()).item(OperationItems.toItem(quick)));

        Operation failed = op.withStatus(OperationStatus.FAILED, "gone", now);
        assertThat(operations.replace(op, failed)).isTrue();
        assertThat(operations.find(service, op.operationId())).contains(failed);
        assertThat(locks.current(service)).contains(quick);
    }

    @Test
    void aQuickActionsLeaseIsReentrantLapsesAndIsReleasedOnlyByItsHolder() {
        ActionLock power = new ActionLock(service, "act_a", "power off", now, now.plusSeconds(30));
        ActionLock rdns = new ActionLock(service, "act_b", "rDNS", now, now.plusSeconds(30));

        assertThat(locks.acquire(power, now)).isEmpty();
        assertThat(locks.acquire(power, now.plusSeconds(1))).as("same holder again").isEmpty();
        assertThat(locks.acquire(rdns, now.plusSeconds(1))).contains(power);

        locks.release(service, "act_b");
        assertThat(locks.current(service)).as("release by another is a no-op").contains(power);

        Operation op = operation(opId());
        assertThatThrownBy(() -> operations.start(op, lockOf(op), null)).isInstanceOf(OperationRepository.LockHeld.class);
        assertThat(operations.find(service, op.operationId())).isEmpty();

        assertThat(locks.acquire(rdns, now.plusSeconds(31))).as("lapsed lease").isEmpty();
        assertThat(locks.current(service)).contains(rdns);
        locks.release(service, "act_b");
        assertThat(locks.current(service)).isEmpty();
        locks.release(service, "act_b");
    }

    @Test
    void anOperationStartsOnceAQuickActionsLeaseLapsedAndItsLockNeverLapses() {
        ActionLock power = new ActionLock(service, "act_a", "power off", now, now.plusSeconds(30));
        assertThat(locks.acquire(power, now)).isEmpty();

        Operation op = operation(opId());
        operationsAt(now.plusSeconds(31)).start(op, lockOf(op), null);
        assertThat(locks.current(service)).contains(lockOf(op));

        ActionLock later = new ActionLock(service, "act_c", "power on", now, now.plusSeconds(30));
        assertThat(locks.acquire(later, now.plus(Duration.ofDays(365)))).contains(lockOf(op));
    }

    @Test
    void operationsAreListedNewestFirst() {
        String base = "op_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        for (String suffix : new String[] {"01", "02", "03"}) {
            Operation op = operation(base + suffix);
            operations.start(op, lockOf(op), null);
            assertThat(operations.replace(op, op.withStatus(OperationStatus.SUCCEEDED, "done", now))).isTrue();
        }
        new DynamoDbStepLedger(aws.dynamoDb(), aws.tableName())
                .claim(service, base + "01", 1, "power-off", 1, now, Duration.ofMinutes(1));

        assertThat(operations.list(service)).extracting(Operation::operationId)
                .containsExactly(base + "03", base + "02", base + "01");
        assertThat(operations.list("svc_" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void anOperationsStepsAreItsLedgerRecordsAloneAndProvisioningStepsStayApart() {
        DynamoDbStepLedger ledger = new DynamoDbStepLedger(aws.dynamoDb(), aws.tableName());
        String op = "op_" + UUID.randomUUID();
        String similar = op + "0";
        Duration lease = Duration.ofMinutes(1);
        ledger.complete((StepLedger.Claimed) ledger.claim(service, null, 1, "create-user", 1, now, lease),
                StepStatus.SUCCEEDED, "user 7", null, now);
        ledger.claim(service, op, 2, "reinstall", 1, now, lease);
        ledger.complete((StepLedger.Claimed) ledger.claim(service, op, 1, "power-off", 2, now, lease),
                StepStatus.SUCCEEDED, "off", null, now);
        ledger.claim(service, similar, 1, "suspend-user", 1, now, lease);

        assertThat(operations.steps(service, op)).containsExactly(
                new ProvisioningStep(service, 1, "power-off", StepStatus.SUCCEEDED, 2, "off", now),
                new ProvisioningStep(service, 2, "reinstall", StepStatus.STARTED, 1, null, now));
        assertThat(operations.steps(service, similar)).extracting(ProvisioningStep::name).containsExactly("suspend-user");
        assertThat(new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName()).steps(service))
                .extracting(ProvisioningStep::name).containsExactly("create-user");
        assertThat(operations.list(service)).isEmpty();
    }

    @Test
    void undispatchedOperationsAreFoundOldestFirstUntilMarkedOrEnded() {
        Instant base = Instant.parse("2001-01-01T00:00:00Z").plusNanos(UUID.randomUUID().hashCode() & 0xFFFF);
        Operation early = operation("svc_" + UUID.randomUUID(), opId(), base.plusMillis(100));
        Operation late = operation("svc_" + UUID.randomUUID(), opId(), base.plusSeconds(1));
        Operation ended = operation("svc_" + UUID.randomUUID(), opId(), base.plusMillis(200));
        for (Operation op : new Operation[] {early, late, ended}) {
            operations.start(op, lockOf(op), null);
        }
        assertThat(operations.replace(ended, ended.withStatus(OperationStatus.FAILED, "refused", base))).isTrue();

        assertThat(operations.findUndispatched(base.plusSeconds(2), 100)).extracting(Operation::operationId)
                .containsSubsequence(early.operationId(), late.operationId()).doesNotContain(ended.operationId());
        assertThat(operations.findUndispatched(base.plusMillis(500), 100)).extracting(Operation::operationId)
                .contains(early.operationId()).doesNotContain(late.operationId());

        assertThat(operations.replace(early, early.markDispatched(now))).isTrue();
        assertThat(operations.find(early.serviceId(), early.operationId()).orElseThrow().dispatched()).isTrue();
        assertThat(operations.findUndispatched(base.plusSeconds(2), 100)).extracting(Operation::operationId)
                .doesNotContain(early.operationId()).contains(late.operationId());
    }
}
