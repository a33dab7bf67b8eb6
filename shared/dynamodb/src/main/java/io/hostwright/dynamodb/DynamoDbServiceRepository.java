package io.hostwright.dynamodb;

import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceRepository;
import io.hostwright.domain.service.ServicesByConnection;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.s;

/** Services and their steps; every service write is conditional on the status and version it was read with. */
public final class DynamoDbServiceRepository implements ServiceRepository, ServicesByConnection {

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
