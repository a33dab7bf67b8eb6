package io.hostwright.emulators;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every write a DynamoDB client sends — put, update, delete, batch and transaction items — by the kind of
 * item it touches (its sort key up to the first {@code #}: {@code TEMPLATE}, {@code SYNCRUN}, {@code STOCK}…), so a
 * test or a benchmark can say exactly what an operation wrote. Conditional writes that fail are counted too: they
 * cost a write all the same.
 */
public final class DynamoDbWrites implements ExecutionInterceptor {

    private final List<String> kinds = new CopyOnWriteArrayList<>();

    /** A client of its own on the emulator, recording into this. */
    public DynamoDbClient client(LocalAws aws) {
        return aws.dynamoDbClientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(this)).build();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        switch (request) {
            case PutItemRequest put -> kinds.add(kind(put.item()));
            case UpdateItemRequest update -> kinds.add(kind(update.key()));
            case DeleteItemRequest delete -> kinds.add(kind(delete.key()));
            case BatchWriteItemRequest batch -> batch.requestItems().values().forEach(writes -> writes.forEach(w ->
                    kinds.add(kind(w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key()))));
            case TransactWriteItemsRequest transaction -> transaction.transactItems().forEach(t -> kinds.add(kind(
                    t.put() != null ? t.put().item() : t.update() != null ? t.update().key()
                            : t.delete() != null ? t.delete().key() : t.conditionCheck().key())));
            default -> {
            }
        }
    }

    private static String kind(Map<String, AttributeValue> key) {
        AttributeValue sk = key == null ? null : key.get("sk");
        if (sk == null || sk.s() == null) {
            return "?";
        }
        int hash = sk.s().indexOf('#');
        return hash < 0 ? sk.s() : sk.s().substring(0, hash);
    }

    public int total() {
        return kinds.size();
    }

    /** Writes per item kind, e.g. {@code {SYNCRUN=1, TEMPLATE=3}}. */
    public Map<String, Integer> byKind() {
        Map<String, Integer> counts = new TreeMap<>();
        kinds.forEach(k -> counts.merge(k, 1, Integer::sum));
        return counts;
    }

    public void reset() {
        kinds.clear();
    }
}
