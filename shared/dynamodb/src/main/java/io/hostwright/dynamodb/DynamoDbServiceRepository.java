package io.hostwright.dynamodb;

import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServicesByConnection;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.s;

/** Services and their steps; every service write is conditional on the status and version it was read with. */
public final class DynamoDbServiceRepository implements ServiceRepository, ServicesByConnection {

    /** BatchGetItem's limit. */
    static final int BATCH_GET = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbServiceRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Service> findService(String serviceId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Keys.service(serviceId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ServiceItems.fromItem(item));
    }

    /**
     * Consistent reads, {@value #BATCH_GET} keys to a {@code BatchGetItem} (its limit); keys DynamoDB leaves
     * unprocessed (throttled) are asked for again after a short pause.
     */
    @Override
    public Map<String, Service> findServices(Collection<String> serviceIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(serviceIds));
        Map<String, Service> found = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET))
                    .stream().map(Keys::service).toList();
            Map<String, KeysAndAttributes> left = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).build());
            for (int attempt = 0; !left.isEmpty(); attempt++) {
                if (attempt > 0) {
                    pause(attempt);
                }
                Map<String, KeysAndAttributes> asked = left;
                BatchGetItemResponse answer = dynamo.batchGetItem(b -> b.requestItems(asked));
                answer.responses().getOrDefault(table, List.of()).forEach(item -> {
                    Service service = ServiceItems.fromItem(item);
                    found.put(service.serviceId(), service);
                });
                left = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1_000L, 50L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading services", e);
        }
    }

    @Override
    public List<Service> listByCustomer(String customerId) {
        return Queries.all(dynamo, QueryRequest.builder()
                .tableName(table)
                .indexName("gsi1")
                .keyConditionExpression("gsi1pk = :customer AND begins_with(gsi1sk, :prefix)")
                .expressionAttributeValues(Map.of(
                        ":customer", s(Keys.customerPartition(customerId)), ":prefix", s("SERVICE#")))
                .scanIndexForward(false), ServiceItems::fromItem);
    }

    @Override
    public List<Service> onConnection(String connectionId) {
        return Queries.all(dynamo, QueryRequest.builder()
                .tableName(table)
                .indexName("gsi2")
                .keyConditionExpression("gsi2pk = :connection")
                .expressionAttributeValues(Map.of(":connection", s(ServiceItems.connectionPartition(connectionId))))
                .scanIndexForward(false), ServiceItems::fromItem);
    }

    @Override
    public List<ProvisioningStep> steps(String serviceId) {
        return Queries.all(dynamo, QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s("SERVICE#" + serviceId), ":prefix", s("STEP#")))
                .consistentRead(true), ServiceItems::stepFromItem);
    }

    @Override
    public boolean replace(Service expected, Service updated) {
        if (!expected.serviceId().equals(updated.serviceId())) {
            throw new IllegalArgumentException("replace must keep the service id");
        }
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(ServiceItems.toItem(updated))
                    .conditionExpression("#status = :status AND #version = :version")
                    .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                    .expressionAttributeValues(Map.of(
                            ":status", s(expected.status().name()), ":version", n(expected.version()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void recordStep(ProvisioningStep step) {
        dynamo.putItem(b -> b.tableName(table).item(ServiceItems.toItem(step)));
    }
}
