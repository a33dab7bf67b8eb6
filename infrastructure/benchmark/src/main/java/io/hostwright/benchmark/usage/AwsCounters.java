package io.hostwright.benchmark.usage;

import io.hostwright.emulators.DynamoDbWrites;
import io.hostwright.emulators.LocalAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a phase counts on the emulators: every AWS call by operation, every DynamoDB write by item kind and the
 * capacity DynamoDB reports, through clients built to count (give them to the wiring under test).
 */
public record AwsCounters(CallCounter calls, CapacityCounter capacity, DynamoDbWrites writes) {

    public AwsCounters() {
        this(new CallCounter(), new CapacityCounter(), new DynamoDbWrites());
    }

    /** A DynamoDB client on the emulator whose calls, writes and capacity are counted. */
    public DynamoDbClient dynamoDb(LocalAws aws) {
        return aws.dynamoDbClientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(writes)
                .addExecutionInterceptor(calls).addExecutionInterceptor(capacity)).build();
    }

    /** An SQS client on the emulator whose calls are counted. */
    public SqsClient sqs(LocalAws aws) {
        return aws.sqsClientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
    }

    /**
     * Write units as reported, plus one for each write that answered no figure (refused by its condition): DynamoDB
     * Local reports capacity for every write that succeeds.
     */
    public double writeUnits() {
        return Math.max(capacity.writeUnits(), writes.total());
    }

    public void reset() {
        calls.reset();
        writes.reset();
        capacity.reset();
    }
}
