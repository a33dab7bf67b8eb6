package io.hostwright.hostile;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every write the handlers' DynamoDB and SQS clients made that took effect: puts, updates, deletes, batches and
 * transactions that succeeded (a conditional write that failed changed nothing), and messages sent or deleted. One
 * line each, naming the item's keys or the queue, so a failing property says what was written.
 */
final class RecordedWrites implements ExecutionInterceptor {

    private final List<String> writes = new CopyOnWriteArrayList<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String write = switch (request) {
            case PutItemRequest put -> "PutItem " + keys(put.item());
            case UpdateItemRequest update -> "UpdateItem " + keys(update.key());
            case DeleteItemRequest delete -> "DeleteItem " + keys(delete.key());
            case BatchWriteItemRequest batch -> "BatchWriteItem " + batch.requestItems().values().stream()
                    .mapToInt(List::size).sum() + " items";
            case TransactWriteItemsRequest transaction -> "TransactWriteItems " + transaction.transactItems().stream()
                    .map(t -> t.put() != null ? "put " + keys(t.put().item())
                            : t.update() != null ? "update " + keys(t.update().key())
                            : t.delete() != null ? "delete " + keys(t.delete().key())
                            : "check " + keys(t.conditionCheck().key()))
                    .toList();
            case SendMessageRequest send -> "SendMessage " + send.queueUrl();
            case SendMessageBatchRequest batch -> "SendMessageBatch " + batch.queueUrl();
            case DeleteMessageRequest delete -> "DeleteMessage " + delete.queueUrl();
            case DeleteMessageBatchRequest delete -> "DeleteMessageBatch " + delete.queueUrl();
            default -> null;
        };
        if (write != null) {
            writes.add(write);
        }
    }

    private static String keys(Map<String, AttributeValue> item) {
        if (item == null) {
            return "?";
        }
        return shorten(String.valueOf(item.get("pk") == null ? null : item.get("pk").s())) + " / "
                + shorten(String.valueOf(item.get("sk") == null ? null : item.get("sk").s()));
    }

    private static String shorten(String key) {
        return key.length() <= 80 ? key : key.substring(0, 80) + "…(" + key.length() + " chars)";
    }

    List<String> all() {
        return List.copyOf(writes);
    }

    void clear() {
        writes.clear();
    }
}
