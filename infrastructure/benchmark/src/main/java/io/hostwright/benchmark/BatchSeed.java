package io.hostwright.benchmark;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeding many items fast, in the production format: give the production adapters this client instead of a real
 * one; every item they put (alone or in a transaction) is kept instead of sent — conditions are not checked, the
 * last put of a key wins — and {@link #writeTo} then writes them 25 to a {@code BatchWriteItem}, a few batches at
 * once.
 * What a phase sets up this way is not what it measures.
 */
public final class BatchSeed implements DynamoDbClient {

    /** BatchWriteItem's limit. */
    static final int BATCH = 25;

    private final Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();

    @Override
    public synchronized PutItemResponse putItem(PutItemRequest request) {
        keep(request.item());
        return PutItemResponse.builder().build();
    }

    @Override
    public synchronized TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        request.transactItems().forEach(item -> {
            if (item.put() == null) {
                throw new UnsupportedOperationException("a seed keeps only puts, not " + item);
            }
            keep(item.put().item());
        });
        return TransactWriteItemsResponse.builder().build();
    }

    private void keep(Map<String, AttributeValue> item) {
        items.put(item.get("pk").s() + "\n" + item.get("sk").s(), item);
    }

    public synchronized int size() {
        return items.size();
    }

    /** Writes every kept item to {@code table}, {@code threads} batches at once; answers how many. */
    public int writeTo(DynamoDbClient dynamo, String table, int threads) {
        List<Map<String, AttributeValue>> all;
        synchronized (this) {
            all = List.copyOf(items.values());
        }
        List<Runnable> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Map<String, AttributeValue>> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            batches.add(() -> write(dynamo, table, batch));
        }
        Parallel.run(threads, batches, "seed " + all.size() + " items");
        return all.size();
    }

    private static void write(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> batch) {
        Map<String, List<WriteRequest>> left = Map.of(table, batch.stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList());
        while (!left.isEmpty()) {
            Map<String, List<WriteRequest>> asked = left;
            BatchWriteItemResponse answer = dynamo.batchWriteItem(b -> b.requestItems(asked));
            left = answer.hasUnprocessedItems() ? answer.unprocessedItems() : Map.of();
        }
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
