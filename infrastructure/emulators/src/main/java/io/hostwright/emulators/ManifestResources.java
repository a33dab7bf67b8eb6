package io.hostwright.emulators;

import io.hostwright.manifest.IndexSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.QueueSpec;
import io.hostwright.manifest.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creates the manifest's table and queues in the emulators, the way the CDK app creates them in AWS. */
final class ManifestResources {

    /** SQS's longest retention: a dead letter should outlive the message that failed. */
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    private ManifestResources() {
    }

    /**
     * Creates the table with its indexes and TTL; a table already there (kept on disk from an earlier start) is
     * kept, and given any index the manifest has gained since.
     */
    static void createTable(DynamoDbClient dynamoDb, TableSpec table) {
        Optional<TableDescription> existing = describe(dynamoDb, table.name());
        if (existing.isPresent()) {
            addMissingIndexes(dynamoDb, table, existing.get());
            return;
        }
        Set<String> keyAttributes = new LinkedHashSet<>(List.of(table.partitionKey(), table.sortKey()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (IndexSpec index : table.indexes()) {
            keyAttributes.add(index.partitionKey());
            keyAttributes.add(index.sortKey());
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keys(index.partitionKey(), index.sortKey()))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        dynamoDb.createTable(create -> create
                .tableName(table.name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(keyAttributes.stream()
                        .map(name -> AttributeDefinition.builder()
                                .attributeName(name).attributeType(ScalarAttributeType.S).build())
                        .toList())
                .keySchema(keys(table.partitionKey(), table.sortKey()))
                .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes));
        dynamoDb.updateTimeToLive(ttl -> ttl
                .tableName(table.name())
                .timeToLiveSpecification(spec -> spec.attributeName(table.ttlAttribute()).enabled(true)));
    }

    /** Listed first rather than described and caught: DynamoDB Local logs a warning for every missing table asked. */
    private static Optional<TableDescription> describe(DynamoDbClient dynamoDb, String tableName) {
        if (dynamoDb.listTablesPaginator().tableNames().stream().noneMatch(tableName::equals)) {
            return Optional.empty();
        }
        return Optional.of(dynamoDb.describeTable(d -> d.tableName(tableName)).table());
    }

    private static void addMissingIndexes(DynamoDbClient dynamoDb, TableSpec table, TableDescription existing) {
        List<String> keys = existing.keySchema().stream().map(KeySchemaElement::attributeName).toList();
        if (!keys.equals(List.of(table.partitionKey(), table.sortKey()))) {
            throw new EmulatorStartException("table " + table.name() + " kept from an earlier start has keys " + keys
                    + ", the manifest's are " + List.of(table.partitionKey(), table.sortKey())
                    + "; start afresh (the laptop runtime's --fresh) to recreate it");
        }
        Set<String> present = new HashSet<>();
        if (existing.hasGlobalSecondaryIndexes()) {
            existing.globalSecondaryIndexes().forEach(i -> present.add(i.indexName()));
        }
        for (IndexSpec index : table.indexes()) {
            if (present.contains(index.name())) {
                continue;
            }
            dynamoDb.updateTable(update -> update
                    .tableName(table.name())
                    .attributeDefinitions(new LinkedHashSet<>(List.of(index.partitionKey(), index.sortKey())).stream()
                            .map(name -> AttributeDefinition.builder()
                                    .attributeName(name).attributeType(ScalarAttributeType.S).build())
                            .toList())
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                            .create(CreateGlobalSecondaryIndexAction.builder()
                                    .indexName(index.name())
                                    .keySchema(keys(index.partitionKey(), index.sortKey()))
                                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                    .build())
                            .build()));
        }
    }

    private static List<KeySchemaElement> keys(String partitionKey, String sortKey) {
        return List.of(
                KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
    }

    /** Creates every queue and its dead-letter queue; answers the URL of each by queue name. */
    static Map<String, String> createQueues(SqsClient sqs, List<QueueSpec> queues) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (QueueSpec queue : queues) {
            Map<QueueAttributeName, String> deadLetterAttributes = new HashMap<>(
                    Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(DEAD_LETTER_RETENTION)));
            if (queue.fifo()) {
                deadLetterAttributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            }
            String deadLetterUrl = sqs.createQueue(create -> create
                    .queueName(queue.deadLetterPhysicalName())
                    .attributes(deadLetterAttributes))
                    .queueUrl();
            String deadLetterArn = sqs.getQueueAttributes(get -> get
                    .queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String redrivePolicy = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\""
                    + queue.maxReceiveCount() + "\"}";
            Map<QueueAttributeName, String> attributes = new HashMap<>(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, seconds(Manifest.visibilityTimeout(queue.name())),
                    QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(queue.retention()),
                    QueueAttributeName.REDRIVE_POLICY, redrivePolicy));
            if (queue.fifo()) {
                attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            }
            String url = sqs.createQueue(create -> create
                    .queueName(queue.physicalName())
                    .attributes(attributes))
                    .queueUrl();
            urls.put(queue.name(), url);
            urls.put(queue.deadLetterName(), deadLetterUrl);
        }
        return urls;
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toSeconds());
    }
}
