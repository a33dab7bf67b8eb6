package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.Versioned;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.num;
import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * Catalog entries (products, connections) stored as a JSON document with a {@code version}: every write moves the
 * version on, and staff writes are conditional on the version they were based on.
 */
final class VersionedDocuments<T> {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Class<T> type;
    private final Function<String, Map<String, AttributeValue>> key;
    /** The gsi1 partition every entry is listed under. */
    private final String listPartition;
    /** Attributes beside the document: the item type, the listing index keys. */
    private final Function<T, Map<String, AttributeValue>> attributes;

    /** @param attributes what else an entry's item holds; its gsi1 sort key at least */
    VersionedDocuments(DynamoDbClient dynamo, String table, Class<T> type,
                       Function<String, Map<String, AttributeValue>> key, String listPartition,
                       Function<T, Map<String, AttributeValue>> attributes) {
        this.dynamo = dynamo;
        this.table = table;
        this.type = type;
        this.key = key;
        this.listPartition = listPartition;
        this.attributes = value -> {
            Map<String, AttributeValue> all = new HashMap<>(attributes.apply(value));
            all.put("gsi1pk", s(listPartition));
            return all;
        };
    }

    List<T> list() {
        return Queries.all(dynamo, listQuery(), this::read);
    }

    List<Versioned<T>> listVersioned() {
        return Queries.all(dynamo, listQuery(), this::readVersioned);
    }

    private QueryRequest.Builder listQuery() {
        return QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :list")
                .expressionAttributeValues(Map.of(":list", s(listPartition)));
    }

    Optional<T> find(String id) {
        return findVersioned(id).map(Versioned::value);
    }

    Optional<Versioned<T>> findVersioned(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key.apply(id))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(readVersioned(item));
    }

    Versioned<T> readVersioned(Map<String, AttributeValue> item) {
        long version = item.containsKey("version") ? num(item, "version") : 1;
        return new Versioned<>(read(item), version);
    }

    T read(Map<String, AttributeValue> item) {
        return Json.read(str(item, "doc"), type);
    }

    /** Creates or replaces, whatever the stored version (the seed); the version moves on. */
    void save(String id, T value) {
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET #doc = :doc, #version = if_not_exists(#version, :zero) + :one");
        Map<String, String> names = new HashMap<>(Map.of("#doc", "doc", "#version", "version"));
        values.put(":doc", s(Json.write(value)));
        values.put(":zero", n(0));
        values.put(":one", n(1));
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : attributes.apply(value).entrySet()) {
            set.append(", #a").append(i).append(" = :a").append(i);
            names.put("#a" + i, attribute.getKey());
            values.put(":a" + i, attribute.getValue());
            i++;
        }
        dynamo.updateItem(b -> b.tableName(table).key(key.apply(id)).updateExpression(set.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    boolean create(String id, T value) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(id, value, 1))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    boolean replace(String id, T value, long expectedVersion) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(id, value, expectedVersion + 1))
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }

    boolean delete(String id, long expectedVersion) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key.apply(id))
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }

    private Map<String, AttributeValue> item(String id, T value, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key.apply(id));
        item.putAll(attributes.apply(value));
        item.put("doc", s(Json.write(value)));
        item.put("version", n(version));
        return item;
    }
}
