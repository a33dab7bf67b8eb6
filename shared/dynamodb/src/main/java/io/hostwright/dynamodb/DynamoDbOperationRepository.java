package io.hostwright.dynamodb;

import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.ActionLock;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationRepository;
import io.hostwright.domain.service.ProvisioningStep;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.s;

/**
 * Operations ({@code SERVICE#<id> / OPERATION#<operationId>}), the steps the ledger recorded for them
 * ({@code SERVICE#<id> / OPSTEP#<operationId>#<seq>#<step>}) and their start: operation, action lock and kept
 * answer in one transaction. An ended operation lets go of the lock in the same transaction as its last write.
 */
public final class DynamoDbOperationRepository implements OperationRepository {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    /** Tries of a transaction cancelled by a concurrent transaction on one of its items. */
    private static final int CONFLICT_TRIES = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final DynamoDbActionLocks locks;

    public DynamoDbOperationRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public DynamoDbOperationRepository(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.locks = new DynamoDbActionLocks(dynamo, table);
    }

    @Override
    public void start(Operation operation, ActionLock lock, ActionAnswer answer) {
        if (!operation.serviceId().equals(lock.serviceId()) || !operation.operationId().equals(lock.holderId())) {
            throw new IllegalArgumentException("an operation starts with its own service's lock, held by itself");
        }
        int lockRefusals = 0;
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            List<TransactWriteItem> writes = new ArrayList<>(3);
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(OperationItems.toItem(operation))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(OperationItems.toItem(lock))
                    .conditionExpression(OperationItems.LOCK_FREE)
                    .expressionAttributeValues(OperationItems.lockFreeValues(lock, now)).build()).build());
            if (answer != null) {
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(OperationItems.toItem(answer))
                        .conditionExpression(OperationItems.ANSWER_FREE)
                        .expressionAttributeValues(OperationItems.answerFreeValues(now)).build()).build());
            }
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (answer != null && failed(reasons, 2, CONDITION_FAILED)) {
                    throw new AnswerTaken();
                }
                if (failed(reasons, 1, CONDITION_FAILED)) {
                    ActionLock holder = locks.current(lock.serviceId()).orElse(null);
                    // the holder let go (or its lease lapsed) between the write and the read: one more try
                    if (!DynamoDbActionLocks.stands(holder, lock, now) && ++lockRefusals < 2) {
                        continue;
                    }
                    throw new LockHeld(holder);
                }
                if (failed(reasons, 0, CONDITION_FAILED)) {
                    throw new IllegalStateException("operation " + operation.operationId() + " of service "
                            + operation.serviceId() + " already exists", e);
                }
                if (!conflicted(reasons) || attempt >= CONFLICT_TRIES) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Operation> find(String serviceId, String operationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.operation(serviceId, operationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OperationItems.fromItem(item));
    }

    @Override
    public List<Operation> list(String serviceId) {
        return Queries.all(dynamo, QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.servicePartition(serviceId)), ":prefix", s(Keys.OPERATION_PREFIX)))
                .scanIndexForward(false)
                .consistentRead(true), OperationItems::fromItem);
    }

    /**
     * The write is conditional on the version. An ended operation also deletes the lock if it holds it (or there is
     * none), in the same transaction; if only that delete's condition fails (the lock is another's, which cannot
     * happen while the operation runs), the operation is written alone.
     */
    @Override
    public boolean replace(Operation expected, Operation updated) {
        if (!expected.serviceId().equals(updated.serviceId()) || !expected.operationId().equals(updated.operationId())) {
            throw new IllegalArgumentException("replace must keep the service and operation ids");
        }
        Put write = Put.builder().tableName(table).item(OperationItems.toItem(updated))
                .conditionExpression("#version = :version")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":version", n(expected.version())))
                .build();
        if (!updated.status().ended()) {
            return put(write);
        }
        Delete letGo = Delete.builder().tableName(table).key(Keys.actionLock(updated.serviceId()))
                .conditionExpression("attribute_not_exists(pk) OR holderId = :op")
                .expressionAttributeValues(Map.of(":op", s(updated.operationId())))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(write).build(),
                        TransactWriteItem.builder().delete(letGo).build()));
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, 0, CONDITION_FAILED)) {
                    return false;
                }
                if (failed(reasons, 1, CONDITION_FAILED)) {
                    return put(write);
                }
                if (!conflicted(reasons) || attempt >= CONFLICT_TRIES) {
                    throw e;
                }
            }
        }
    }

    private boolean put(Put write) {
        try {
            dynamo.putItem(b -> b.tableName(write.tableName()).item(write.item())
                    .conditionExpression(write.conditionExpression())
                    .expressionAttributeNames(write.expressionAttributeNames())
                    .expressionAttributeValues(write.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** From the sparse gsi2 partition {@link OperationItems#UNDISPATCHED}: neither dispatched nor ended. */
    @Override
    public List<Operation> findUndispatched(Instant createdBefore, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName("gsi2")
                        .keyConditionExpression("gsi2pk = :pending AND gsi2sk < :before")
                        .expressionAttributeValues(Map.of(":pending", s(OperationItems.UNDISPATCHED),
                                ":before", s(Attributes.sortable(createdBefore))))
                        .limit(limit))
                .items().stream().map(OperationItems::fromItem).toList();
    }

    @Override
    public List<ProvisioningStep> steps(String serviceId, String operationId) {
        return Queries.all(dynamo, QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.servicePartition(serviceId)),
                        ":prefix", s(Keys.operationStepPrefix(operationId))))
                .consistentRead(true), ServiceItems::stepFromItem);
    }

    private static boolean failed(List<CancellationReason> reasons, int index, String code) {
        return reasons.size() > index && code.equals(reasons.get(index).code());
    }

    private static boolean conflicted(List<CancellationReason> reasons) {
        return reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()));
    }
}
