package io.hostwright.dynamodb;

import io.hostwright.domain.operation.ActionAnswer;
import io.hostwright.domain.operation.ActionAnswers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Answers kept per Idempotency-Key: {@code ANSWER#<len>:<scope>#<key> / ANSWER}, expired by TTL on
 * {@code expiresAt} (epoch seconds). TTL deletes lazily, so an expired answer is ignored and may be overwritten.
 */
public final class DynamoDbActionAnswers implements ActionAnswers {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbActionAnswers(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public DynamoDbActionAnswers(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<ActionAnswer> find(String scope, String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.answer(scope, key))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ActionAnswer answer = OperationItems.answerFromItem(item);
        return live(answer, clock.instant()) ? Optional.of(answer) : Optional.empty();
    }

    /** The same boundary as {@link OperationItems#ANSWER_FREE}: expired from its {@code expiresAt} second on. */
    static boolean live(ActionAnswer answer, Instant now) {
        return answer.expiresAt() == null || answer.expiresAt().getEpochSecond() > now.getEpochSecond();
    }

    @Override
    public void keep(ActionAnswer answer) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(OperationItems.toItem(answer))
                    .conditionExpression(OperationItems.ANSWER_FREE)
                    .expressionAttributeValues(OperationItems.answerFreeValues(clock.instant())));
        } catch (ConditionalCheckFailedException e) {
            // the first answer stands
        }
    }
}
