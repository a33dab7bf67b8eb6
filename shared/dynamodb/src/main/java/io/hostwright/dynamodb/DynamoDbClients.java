package io.hostwright.dynamodb;

import io.hostwright.lambda.aws.AwsClientSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client a function builds once, at init. */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    public static DynamoDbClient fromEnvironment() {
        return AwsClientSettings.configure(DynamoDbClient.builder(), "DYNAMODB").build();
    }
}
