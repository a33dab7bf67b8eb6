package io.hostwright.local.faults;

import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault injector itself: a throttled write never reaches DynamoDB; the SDK retries it before giving up. */
@ExtendWith(LocalAwsExtension.class)
class InjectedAwsFaultsTest {

    @AfterEach
    void off() {
        InjectedAwsFaults.deactivate();
    }

    @Test
    void aThrottledPutIsRetriedByTheSdkAndNothingIsWrittenWhenItGivesUp(LocalAws aws) {
        String pk = "FAULT#" + UUID.randomUUID();
        InjectedAwsFaults.activate(new InjectedAwsFaults.Plan(Map.of("DynamoDb", Set.of("PutItem")), 1.0, 1));

        assertThatThrownBy(() -> aws.dynamoDb().putItem(b -> b.tableName(aws.tableName())
                .item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("X"))))).isInstanceOf(
                ProvisionedThroughputExceededException.class);

        assertThat(InjectedAwsFaults.injected().get("DynamoDb PutItem")).as("the SDK's own retries").isGreaterThan(1);
        InjectedAwsFaults.deactivate();
        assertThat(aws.dynamoDb().getItem(b -> b.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("X")))).hasItem()).isFalse();
    }
}
