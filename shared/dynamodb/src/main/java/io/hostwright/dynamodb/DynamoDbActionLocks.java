package io.hostwright.dynamodb;

import io.hostwright.domain.operation.ActionLock;
import io.hostwright.domain.operation.ActionLocks;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.s;

/**
 * The service's action lock, {@code SERVICE#<id> / LOCK}: {@code holderId}, {@code what}, {@code since} and, for a
 * quick action, {@code leaseUntil} (epoch millis). Operations take the same item in
 * {@link DynamoDbOperationRepository#start}.
 */
public final class DynamoDbActionLocks implements ActionLocks {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbActionLocks(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A conditional put; when refused, the lock read back is returned (if it let go meanwhile, one more try). */
    @Override
    public Optional<ActionLock> acquire(ActionLock lock, Instant now) {
        ActionLock holder = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                dynamo.putItem(b -> b.tableName(table).item(OperationItems.toItem(lock))
                        .conditionExpression(OperationItems.LOCK_FREE)
                        .expressionAttributeValues(OperationItems.lockFreeValues(lock, now)));
                return Optional.empty();
            } catch (ConditionalCheckFailedException e) {
                holder = current(lock.serviceId()).orElse(null);
                if (stands(holder, lock, now)) {
                    return Optional.of(holder);
                }
            }
        }
        // freed and taken again between every write and read: report the last one seen, or a nameless holder
        return Optional.of(holder != null ? holder
                : new ActionLock(lock.serviceId(), "unknown", "another action", now, null));
    }

    /** Whether {@code holder}, read after a refused write, keeps {@code wanted} out at {@code now}. */
    static boolean stands(ActionLock holder, ActionLock wanted, Instant now) {
        return holder != null && !holder.holderId().equals(wanted.holderId()) && holder.heldAt(now);
    }

    @Override
    public void release(String serviceId, String holderId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Keys.actionLock(serviceId))
                    .conditionExpression("holderId = :me")
                    .expressionAttributeValues(Map.of(":me", s(holderId))));
        } catch (ConditionalCheckFailedException e) {
            // not held by this holder (or not at all): nothing to let go
        }
    }

    /** The stored lock, read consistently; a quick action's may have lapsed (see {@link ActionLock#heldAt}). */
    @Override
    public Optional<ActionLock> current(String serviceId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.actionLock(serviceId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OperationItems.lockFromItem(item));
    }
}
