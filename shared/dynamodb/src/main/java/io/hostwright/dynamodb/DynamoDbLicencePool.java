package io.hostwright.dynamodb;

import io.hostwright.domain.licence.LicencePool;
import io.hostwright.domain.licence.PoolLicence;
import io.hostwright.domain.licence.PooledLicence;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.s;

/**
 * The licence pool: {@code LICENCE#<connection> / LICENCE#<licence id>}, one item per licence with the server's
 * fields (status, name, IP, expiry, last IP and key change, pricelist) and, while a service holds it, {@code heldBy}
 * and {@code heldSince}. Mirroring writes only the server's fields; taking is conditional on nobody else holding it.
 */
public final class DynamoDbLicencePool implements LicencePool {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbLicencePool(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String connectionId, String licenceId) {
        return Keys.of("LICENCE#" + connectionId, "LICENCE#" + licenceId);
    }

    @Override
    public void mirror(String connectionId, PoolLicence l, long pricelist) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        field(set, remove, names, values, "type", s("Licence"));
        field(set, remove, names, values, "connectionId", s(connectionId));
        field(set, remove, names, values, "licenceId", s(l.upstreamId()));
        field(set, remove, names, values, "status", s(l.status().name()));
        field(set, remove, names, values, "pricelist", n(pricelist));
        field(set, remove, names, values, "name", l.name() == null ? null : s(l.name()));
        field(set, remove, names, values, "ip", l.ip() == null ? null : s(l.ip()));
        field(set, remove, names, values, "expiresAt", time(l.expiresAt()));
        field(set, remove, names, values, "lastIpChange", time(l.lastIpChange()));
        field(set, remove, names, values, "lastKeyChange", time(l.lastKeyChange()));
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        dynamo.updateItem(b -> b.tableName(table).key(key(connectionId, l.upstreamId())).updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    private static void field(List<String> set, List<String> remove, Map<String, String> names,
                              Map<String, AttributeValue> values, String name, AttributeValue value) {
        names.put("#" + name, name);
        if (value == null) {
            remove.add("#" + name);
        } else {
            values.put(":" + name, value);
            set.add("#" + name + " = :" + name);
        }
    }

    private static AttributeValue time(Instant at) {
        return at == null ? null : s(at.toString());
    }

    @Override
    public List<PooledLicence> list(String connectionId) {
        List<PooledLicence> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
                    .expressionAttributeValues(Map.of(":pk", s("LICENCE#" + connectionId), ":sk", s("LICENCE#")))
                    .exclusiveStartKey(from).consistentRead(true).build());
            page.items().forEach(item -> all.add(read(item)));
            start = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
        } while (start != null);
        return all;
    }

    private static PooledLicence read(Map<String, AttributeValue> item) {
        PoolLicence licence = new PoolLicence(text(item, "licenceId"), PoolLicence.Status.valueOf(text(item, "status")),
                text(item, "name"), text(item, "ip"), instant(item, "expiresAt"), instant(item, "lastIpChange"),
                instant(item, "lastKeyChange"));
        return new PooledLicence(text(item, "connectionId"), licence, Long.parseLong(item.get("pricelist").n()),
                text(item, "heldBy"), instant(item, "heldSince"), instant(item, "renewalFor"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = text(item, name);
        return v == null ? null : Instant.parse(v);
    }

    @Override
    public boolean take(String connectionId, String licenceId, String serviceId, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(connectionId, licenceId))
                    .updateExpression("SET heldBy = :me, heldSince = if_not_exists(heldSince, :now)")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(heldBy) OR heldBy = :me)")
                    .expressionAttributeValues(Map.of(":me", s(serviceId), ":now", s(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public boolean giveBack(String connectionId, String licenceId, String serviceId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(connectionId, licenceId))
                    .updateExpression("REMOVE heldBy, heldSince")
                    .conditionExpression("heldBy = :me")
                    .expressionAttributeValues(Map.of(":me", s(serviceId))));
            return true;
        } catch (ConditionalCheckFailedException notOurs) {
            return false;
        }
    }

    @Override
    public boolean markRenewal(String connectionId, String licenceId, Instant expiresAt, Instant now, Duration stale) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(connectionId, licenceId))
                    .updateExpression("SET renewalFor = :expiry, renewalAskedAt = :now")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(renewalFor)"
                            + " OR renewalFor <> :expiry OR renewalAskedAt < :staleBefore)")
                    .expressionAttributeValues(Map.of(":expiry", s(expiresAt.toString()), ":now", s(now.toString()),
                            ":staleBefore", s(now.minus(stale).toString()))));
            return true;
        } catch (ConditionalCheckFailedException onIt) {
            return false;
        }
    }

    @Override
    public void clearRenewal(String connectionId, String licenceId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(connectionId, licenceId))
                    .updateExpression("REMOVE renewalFor, renewalAskedAt")
                    .conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException gone) {
            // nothing to forget
        }
    }
}
