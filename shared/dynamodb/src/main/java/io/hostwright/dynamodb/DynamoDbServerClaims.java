package io.hostwright.dynamodb;

import io.hostwright.domain.backend.ServerClaims;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;

import static io.hostwright.dynamodb.Attributes.s;

/** Server claims: {@code SERVER#<connection>#<server> / CLAIM} holding the service, written only if free or ours. */
public final class DynamoDbServerClaims implements ServerClaims {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbServerClaims(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(String connectionId,
                                                                                                  String serverId) {
        return Keys.of("SERVER#" + connectionId + "#" + serverId, "CLAIM");
    }

    @Override
    public boolean claim(String connectionId, String serverId, String serviceId) {
        var item = new java.util.HashMap<>(key(connectionId, serverId));
        item.put("type", s("ServerClaim"));
        item.put("connectionId", s(connectionId));
        item.put("serverId", s(serverId));
        item.put("serviceId", s(serviceId));
        item.put("claimedAt", s(java.time.Instant.now().toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR serviceId = :me")
                    .expressionAttributeValues(Map.of(":me", s(serviceId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void release(String connectionId, String serverId, String serviceId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(connectionId, serverId))
                    .conditionExpression("serviceId = :me")
                    .expressionAttributeValues(Map.of(":me", s(serviceId))));
        } catch (ConditionalCheckFailedException e) {
            // not ours (or already gone): nothing to give up
        }
    }
}
