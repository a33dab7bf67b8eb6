package io.hostwright.benchmark.usage;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Asks DynamoDB (Local) for the capacity every call consumes and adds it up, reads and writes apart: what on-demand
 * bills as read and write request units. A write refused by its condition answers no figure; it is billed all the
 * same, so a phase counts those from {@link io.hostwright.emulators.DynamoDbWrites} instead
 * ({@link AwsCounters#writeUnits()}).
 */
public final class CapacityCounter implements ExecutionInterceptor {

    private final DoubleAdder reads = new DoubleAdder();
    private final DoubleAdder writes = new DoubleAdder();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (context.request()) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        switch (response) {
            case GetItemResponse r -> add(reads, r.consumedCapacity());
            case QueryResponse r -> add(reads, r.consumedCapacity());
            case BatchGetItemResponse r -> add(reads, r.consumedCapacity());
            case PutItemResponse r -> add(writes, r.consumedCapacity());
            case UpdateItemResponse r -> add(writes, r.consumedCapacity());
            case DeleteItemResponse r -> add(writes, r.consumedCapacity());
            case BatchWriteItemResponse r -> add(writes, r.consumedCapacity());
            case TransactWriteItemsResponse r -> add(writes, r.consumedCapacity());
            default -> {
            }
        }
    }

    private static void add(DoubleAdder to, ConsumedCapacity capacity) {
        if (capacity != null && capacity.capacityUnits() != null) {
            to.add(capacity.capacityUnits());
        }
    }

    private static void add(DoubleAdder to, List<ConsumedCapacity> capacities) {
        if (capacities != null) {
            capacities.forEach(c -> add(to, c));
        }
    }

    public double readUnits() {
        return reads.sum();
    }

    public double writeUnits() {
        return writes.sum();
    }

    public void reset() {
        reads.reset();
        writes.reset();
    }
}
