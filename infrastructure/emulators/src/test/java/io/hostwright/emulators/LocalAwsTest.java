package io.hostwright.emulators;

import io.hostwright.manifest.IndexSpec;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.QueueSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ExtendWith(LocalAwsExtension.class)
class LocalAwsTest {

    private static LocalAws sharedAtClassStart;

    @BeforeAll
    static void capture(LocalAws aws) {
        sharedAtClassStart = aws;
    }

    @Test
    void createsTheManifestTableWithBothIndexesAllProjectedAndTtl(LocalAws aws) {
        TableDescription table = aws.dynamoDb().describeTable(d -> d.tableName(Manifest.TABLE.name())).table();

        assertThat(table.keySchema()).containsExactly(
                key(Manifest.TABLE.partitionKey(), KeyType.HASH), key(Manifest.TABLE.sortKey(), KeyType.RANGE));
        assertThat(table.globalSecondaryIndexes()).hasSize(Manifest.TABLE.indexes().size());
        for (IndexSpec index : Manifest.TABLE.indexes()) {
            GlobalSecondaryIndexDescription described = table.globalSecondaryIndexes().stream()
                    .filter(i -> i.indexName().equals(index.name())).findFirst().orElseThrow();
            assertThat(described.keySchema()).containsExactly(
                    key(index.partitionKey(), KeyType.HASH), key(index.sortKey(), KeyType.RANGE));
            assertThat(described.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        }
        TimeToLiveDescription ttl = aws.dynamoDb()
                .describeTimeToLive(d -> d.tableName(Manifest.TABLE.name())).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo(Manifest.TABLE.ttlAttribute());
    }

    @Test
    void rejectsAConditionalPutWhoseConditionFails(LocalAws aws) {
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("SERVICE#" + UUID.randomUUID()),
                "sk", AttributeValue.fromS("META"),
                "gsi1pk", AttributeValue.fromS("CUSTOMER#c1"),
                "gsi1sk", AttributeValue.fromS("SERVICE#1"));
        aws.dynamoDb().putItem(p -> p.tableName(aws.tableName()).item(item)
                .conditionExpression("attribute_not_exists(pk)"));

        assertThatThrownBy(() -> aws.dynamoDb().putItem(p -> p.tableName(aws.tableName()).item(item)
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(aws.dynamoDb().query(q -> q.tableName(aws.tableName()).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CUSTOMER#c1")))).items())
                .anySatisfy(found -> assertThat(found.get("pk")).isEqualTo(item.get("pk")));
    }

    @Test
    void createsEveryQueueWithVisibilityTimeoutAndRedriveToItsDeadLetterQueue(LocalAws aws) {
        for (QueueSpec queue : Manifest.QUEUES) {
            Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(g -> g
                    .queueUrl(aws.queueUrl(queue.name())).attributeNames(QueueAttributeName.ALL)).attributes();
            String deadLetterArn = aws.sqs().getQueueAttributes(g -> g
                    .queueUrl(aws.deadLetterQueueUrl(queue.name())).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);

            assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT))
                    .isEqualTo(String.valueOf(Manifest.visibilityTimeout(queue.name()).toSeconds()));
            assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                    .contains(deadLetterArn)
                    .containsPattern("\"maxReceiveCount\":\"?" + queue.maxReceiveCount() + "\"?");
            assertThat(aws.queueUrl(queue.name())).startsWith(aws.sqsEndpoint().toString());
        }
    }

    @Test
    void resourceNamesGiveFunctionsAnEnvironmentPointingAtTheEmulators(LocalAws aws) {
        Map<String, String> env = Manifest.environmentFor(Manifest.function("order-acceptance").orElseThrow(),
                aws.resourceNames());

        assertThat(env).containsEntry(Manifest.TABLE_VARIABLE, Manifest.TABLE.name())
                .containsEntry(Manifest.queue(Manifest.PROVISIONING_QUEUE).urlVariable(),
                        aws.queueUrl(Manifest.PROVISIONING_QUEUE));
        assertThat(aws.resourceNames().mailFrom()).isEqualTo(LocalAws.MAIL_FROM);
        assertThat(aws.resourceNames().mailConfigurationSet()).isNull();
        assertThatThrownBy(() -> aws.resourceNames().queueUrl("no-such-queue"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEmulatorListensOnTheLoopbackAddressOnly(LocalAws aws) {
        Optional<InetAddress> otherAddress = Sockets.nonLoopbackAddress();
        assumeTrue(otherAddress.isPresent(), "this machine has no non-loopback IPv4 address to try");

        assertThat(List.of(aws.dynamoDbEndpoint(), aws.sqsEndpoint(), aws.sesEndpoint())).allSatisfy(endpoint -> {
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(Sockets.accepts(endpoint)).as("%s on loopback", endpoint).isTrue();
            assertThat(Sockets.accepts(otherAddress.get(), endpoint.getPort()))
                    .as("port %d on %s", endpoint.getPort(), otherAddress.get()).isFalse();
        });
    }

    @Nested
    class InAnotherTestClass {

        @Test
        void getsTheSameInstance(LocalAws aws) {
            assertThat(aws).isSameAs(sharedAtClassStart);
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
