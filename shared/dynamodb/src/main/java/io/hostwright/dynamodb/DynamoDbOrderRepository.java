package io.hostwright.dynamodb;

import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.order.OrderRepository;
import io.hostwright.domain.service.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.s;

/** Orders, their idempotency records and their services, placed in one transaction. */
public final class DynamoDbOrderRepository implements OrderRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbOrderRepository(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String customerId, String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Keys.idempotency(customerId, key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = OrderItems.recordFromItem(item);
        // TTL deletes lazily; an expired record no longer binds its key
        return record.expiresAt().isAfter(clock.instant()) ? Optional.of(record) : Optional.empty();
    }

    @Override
    public void place(IdempotencyRecord record, Order order, Service service) {
        Put key = Put.builder().tableName(table).item(OrderItems.toItem(record))
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", n(clock.instant().getEpochSecond())))
                .build();
        Put orderPut = Put.builder().tableName(table).item(OrderItems.toItem(order))
                .conditionExpression("attribute_not_exists(pk)").build();
        Put servicePut = Put.builder().tableName(table).item(ServiceItems.toItem(service))
                .conditionExpression("attribute_not_exists(pk)").build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(key).build(),
                    TransactWriteItem.builder().put(orderPut).build(),
                    TransactWriteItem.builder().put(servicePut).build()));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                throw new IdempotencyKeyTaken();
            }
            throw e;
        }
    }

    @Override
    public Optional<Order> findOrder(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.order(orderId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrderItems.fromItem(item));
    }

    @Override
    public void markDispatched(String orderId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Keys.order(orderId))
                    .updateExpression("SET dispatchedAt = if_not_exists(dispatchedAt, :at) REMOVE gsi2pk, gsi2sk")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("order " + orderId + " does not exist", e);
        }
    }

    @Override
    public List<Order> findUndispatched(Instant acceptedBefore, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName("gsi2")
                        .keyConditionExpression("gsi2pk = :pending AND gsi2sk < :before")
                        .expressionAttributeValues(Map.of(
                                ":pending", s(OrderItems.UNDISPATCHED), ":before", s(Attributes.sortable(acceptedBefore))))
                        .limit(limit))
                .items().stream().map(OrderItems::fromItem).toList();
    }
}
