package io.hostwright.dynamodb;

import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.OperationRepository;
import io.hostwright.domain.renewal.ServiceRenewals;
import io.hostwright.domain.service.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.s;

/**
 * A renewal in one transaction: the service item, conditional on the status and version it was read with, and the
 * Idempotency-Key's answer ({@code ANSWER#…}, see {@link DynamoDbActionAnswers}), conditional on the key being free.
 */
public final class DynamoDbServiceRenewals implements ServiceRenewals {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    /** Tries of a transaction cancelled by a concurrent transaction on one of its items. */
    private static final int CONFLICT_TRIES = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbServiceRenewals(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public DynamoDbServiceRenewals(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean renew(Service expected, Service renewed, ActionAnswer answer) {
        if (!expected.serviceId().equals(renewed.serviceId())) {
            throw new IllegalArgumentException("a renewal must keep the service id");
        }
        TransactWriteItem service = TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ServiceItems.toItem(renewed))
                .conditionExpression("#status = :status AND #version = :version")
                .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                .expressionAttributeValues(Map.of(
                        ":status", s(expected.status().name()), ":version", n(expected.version())))
                .build()).build();
        for (int attempt = 1; ; attempt++) {
            TransactWriteItem kept = TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(OperationItems.toItem(answer))
                    .conditionExpression(OperationItems.ANSWER_FREE)
                    .expressionAttributeValues(OperationItems.answerFreeValues(clock.instant())).build()).build();
            try {
                dynamo.transactWriteItems(b -> b.transactItems(service, kept));
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, 1)) {
                    throw new OperationRepository.AnswerTaken();
                }
                if (failed(reasons, 0)) {
                    return false;
                }
                boolean conflicted = reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()));
                if (!conflicted || attempt >= CONFLICT_TRIES) {
                    throw e;
                }
            }
        }
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }
}
