package io.hostwright.hostile;

import io.hostwright.emulators.LocalAws;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.QueueSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything stored: every item of both tables and the number of messages on every queue. Taken before and after a
 * property, so a write that escaped the per-request recording still fails it.
 */
record Snapshot(TreeSet<String> items, Map<String, Integer> queueDepths) {

    static Snapshot of(LocalAws aws) {
        TreeSet<String> items = new TreeSet<>();
        for (String table : List.of(aws.tableName(), aws.credentialsTableName())) {
            aws.dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)).items()
                    .forEach(item -> items.add(table + " " + canonical(item)));
        }
        Map<String, Integer> depths = new TreeMap<>();
        for (QueueSpec queue : Manifest.QUEUES) {
            for (String name : List.of(queue.name(), queue.deadLetterName())) {
                Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(b -> b
                        .queueUrl(aws.queueUrl(name)).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
                depths.put(name, attributes.values().stream().mapToInt(Integer::parseInt).sum());
            }
        }
        return new Snapshot(items, depths);
    }

    private static String canonical(Map<String, AttributeValue> item) {
        return new TreeMap<>(item).toString();
    }

    /** What changed since {@code before}, or an empty string. */
    String differenceFrom(Snapshot before) {
        StringBuilder out = new StringBuilder();
        TreeSet<String> added = new TreeSet<>(items);
        added.removeAll(before.items);
        TreeSet<String> removed = new TreeSet<>(before.items);
        removed.removeAll(items);
        added.stream().limit(5).forEach(i -> out.append("\n  now stored: ").append(shorten(i)));
        removed.stream().limit(5).forEach(i -> out.append("\n  no longer stored: ").append(shorten(i)));
        if (!queueDepths.equals(before.queueDepths)) {
            out.append("\n  queue depths ").append(before.queueDepths).append(" became ").append(queueDepths);
        }
        return out.toString();
    }

    private static String shorten(String item) {
        return item.length() <= 300 ? item : item.substring(0, 300) + "…";
    }
}
