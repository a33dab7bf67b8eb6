package io.hostwright.dynamodb;

import io.hostwright.domain.template.ConnectionTemplate;
import io.hostwright.domain.template.ConnectionTemplates;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.num;
import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * A connection's OS templates: {@code CONNECTION#<id> / TEMPLATE#<templateId>}, one attribute per field so the sync
 * and staff each update only their own fields; every template of every connection is also listed through gsi1
 * partition {@code TEMPLATES} (what the public catalog reads, in one query).
 */
public final class DynamoDbConnectionTemplates implements ConnectionTemplates {

    static final String LIST_PARTITION = "TEMPLATES";
    private static final String PREFIX = "TEMPLATE#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbConnectionTemplates(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String connectionId, String templateId) {
        return Keys.of(DynamoDbConnectionRepository.partition(connectionId), PREFIX + templateId);
    }

    @Override
    public List<ConnectionTemplate> list(String connectionId) {
        return Queries.all(dynamo, Queries.prefixed(table, DynamoDbConnectionRepository.partition(connectionId),
                PREFIX), DynamoDbConnectionTemplates::read);
    }

    /** Every connection's templates (eventually consistent: the catalog's read). */
    public List<ConnectionTemplate> listAll() {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :list")
                .expressionAttributeValues(Map.of(":list", s(LIST_PARTITION))), DynamoDbConnectionTemplates::read);
    }

    @Override
    public Optional<ConnectionTemplate> find(String connectionId, String templateId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(connectionId, templateId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public boolean add(ConnectionTemplate t) {
        Map<String, AttributeValue> item = new HashMap<>(key(t.connectionId(), t.templateId()));
        item.put("type", s("Template"));
        item.put("gsi1pk", s(LIST_PARTITION));
        item.put("gsi1sk", s(t.connectionId() + "#" + t.templateId()));
        item.put("connectionId", s(t.connectionId()));
        item.put("templateId", s(t.templateId()));
        item.put("internalName", s(t.internalName()));
        item.put("upstreamId", s(t.upstreamId()));
        item.put("upstreamName", s(t.upstreamName()));
        Attributes.putIfPresent(item, "displayName", t.displayName());
        item.put("sortOrder", n(t.sortOrder()));
        item.put("tags", tags(t.tags()));
        item.put("disabledByStaff", AttributeValue.fromBool(t.disabledByStaff()));
        item.put("firstSeen", s(t.firstSeen().toString()));
        Attributes.putIfPresent(item, "goneSince", t.goneSince() == null ? null : t.goneSince().toString());
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean updateUpstream(ConnectionTemplate before, ConnectionTemplate after) {
        Map<String, String> names = Map.of("#id", "upstreamId", "#name", "upstreamName", "#gone", "goneSince");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", s(after.upstreamId()));
        values.put(":name", s(after.upstreamName()));
        values.put(":wasId", s(before.upstreamId()));
        values.put(":wasName", s(before.upstreamName()));
        String update = "SET #id = :id, #name = :name";
        if (after.goneSince() != null) {
            update += ", #gone = :gone";
            values.put(":gone", s(after.goneSince().toString()));
        } else {
            update += " REMOVE #gone";
        }
        String condition = "attribute_exists(pk) AND #id = :wasId AND #name = :wasName AND ";
        if (before.goneSince() != null) {
            condition += "#gone = :wasGone";
            values.put(":wasGone", s(before.goneSince().toString()));
        } else {
            condition += "attribute_not_exists(#gone)";
        }
        String expression = update;
        String check = condition;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(before.connectionId(), before.templateId()))
                    .updateExpression(expression).conditionExpression(check)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public boolean updateByStaff(ConnectionTemplate edited) {
        Map<String, String> names = new HashMap<>(Map.of("#sort", "sortOrder", "#tags", "tags",
                "#off", "disabledByStaff", "#display", "displayName"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sort", n(edited.sortOrder()));
        values.put(":tags", tags(edited.tags()));
        values.put(":off", AttributeValue.fromBool(edited.disabledByStaff()));
        String update = "SET #sort = :sort, #tags = :tags, #off = :off";
        if (edited.displayName() != null) {
            update += ", #display = :display";
            values.put(":display", s(edited.displayName()));
        } else {
            update += " REMOVE #display";
        }
        String expression = update;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(edited.connectionId(), edited.templateId()))
                    .updateExpression(expression).conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    @Override
    public void deleteAll(String connectionId) {
        for (ConnectionTemplate t : list(connectionId)) {
            dynamo.deleteItem(b -> b.tableName(table).key(key(connectionId, t.templateId())));
        }
    }

    private static AttributeValue tags(List<String> tags) {
        return AttributeValue.fromL(tags.stream().map(AttributeValue::fromS).toList());
    }

    static ConnectionTemplate read(Map<String, AttributeValue> item) {
        AttributeValue tags = item.get("tags");
        AttributeValue off = item.get("disabledByStaff");
        return new ConnectionTemplate(str(item, "connectionId"), str(item, "templateId"), str(item, "internalName"),
                str(item, "upstreamId"), str(item, "upstreamName"), str(item, "displayName"),
                (int) num(item, "sortOrder"),
                tags == null || !tags.hasL() ? List.of() : tags.l().stream().map(AttributeValue::s).toList(),
                off != null && Boolean.TRUE.equals(off.bool()), Instant.parse(str(item, "firstSeen")),
                Attributes.instant(item, "goneSince"));
    }
}
