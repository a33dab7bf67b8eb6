package io.hostwright.sqs;

import io.hostwright.lambda.aws.AwsClientSettings;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS client a function builds once, at init. */
public final class SqsClients {

    private SqsClients() {
    }

    public static SqsClient fromEnvironment() {
        return AwsClientSettings.configure(SqsClient.builder(), "SQS").build();
    }
}
