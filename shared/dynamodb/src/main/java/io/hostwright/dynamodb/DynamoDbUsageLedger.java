package io.hostwright.dynamodb;

import io.hostwright.domain.catalog.BandwidthPolicy;
import io.hostwright.domain.usage.BillingPeriod;
import io.hostwright.domain.usage.UsageLedger;
import io.hostwright.domain.usage.UsagePeriod;
import io.hostwright.domain.usage.UsageSample;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.num;
import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.sortable;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * Traffic per service: a period is {@code SERVICE#<id> / USAGE#<periodStart>} (totals, cursor, the policy it opened
 * with, what was mailed); a 5-minute sample is {@code SERVICE#<id> / USAGESAMPLE#<periodStart>#<window>}, expiring
 * {@code retention} after its period ends. Periods of services whose overage is billed are also listed through gsi1
 * partition {@code USAGE#<yyyy-MM>} (the month the period starts in) for the staff export.
 */
public final class DynamoDbUsageLedger implements UsageLedger {

    private static final String PERIOD = "USAGE#";
    private static final String SAMPLE = "USAGESAMPLE#";
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    /** @param retention how long samples stay after their period ends */
    public DynamoDbUsageLedger(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    private static Map<String, AttributeValue> periodKey(String serviceId, Instant periodStart) {
        return Keys.of(Keys.servicePartition(serviceId), PERIOD + sortable(periodStart));
    }

    private static String samplePrefix(Instant periodStart) {
        return SAMPLE + sortable(periodStart) + "#";
    }

    @Override
    public Optional<UsagePeriod> find(String serviceId, Instant periodStart) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(periodKey(serviceId, periodStart))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public boolean open(UsagePeriod p) {
        Map<String, AttributeValue> item = new HashMap<>(periodKey(p.serviceId(), p.period().start()));
        item.put("type", s("UsagePeriod"));
        item.put("serviceId", s(p.serviceId()));
        Attributes.putIfPresent(item, "customerId", p.customerId());
        Attributes.putIfPresent(item, "productId", p.productId());
        Attributes.putIfPresent(item, "connectionId", p.connectionId());
        item.put("periodStart", s(p.period().start().toString()));
        item.put("periodEnd", s(p.period().end().toString()));
        item.put("cursor", s(p.cursor().toString()));
        item.put("bytesIn", n(p.bytesIn()));
        item.put("bytesOut", n(p.bytesOut()));
        if (p.allowanceBytes() != null) {
            item.put("allowanceBytes", n(p.allowanceBytes()));
        }
        item.put("policy", s(Json.write(p.policy())));
        if (p.policy().overuseAction() == BandwidthPolicy.OveruseAction.BILL) {
            item.put("gsi1pk", s(billablePartition(p.period().month())));
            item.put("gsi1sk", s("SERVICE#" + p.serviceId()));
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    private static String billablePartition(YearMonth month) {
        return PERIOD + month;
    }

    @Override
    public void putSamples(String serviceId, BillingPeriod period, List<UsageSample> samples) {
        long expiresAt = period.end().plus(retention).getEpochSecond();
        List<WriteRequest> writes = new ArrayList<>();
        for (UsageSample sample : samples) {
            Map<String, AttributeValue> item = new HashMap<>(Keys.of(Keys.servicePartition(serviceId),
                    samplePrefix(period.start()) + sortable(sample.window())));
            item.put("type", s("UsageSample"));
            item.put("window", s(sample.window().toString()));
            item.put("bytesIn", n(sample.bytesIn()));
            item.put("bytesOut", n(sample.bytesOut()));
            item.put("expiresAt", n(expiresAt));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        if (writes.size() == 1) {
            dynamo.putItem(b -> b.tableName(table).item(writes.getFirst().putRequest().item()));
            return;
        }
        for (int from = 0; from < writes.size(); from += BATCH) {
            Map<String, List<WriteRequest>> pending = Map.of(table,
                    writes.subList(from, Math.min(writes.size(), from + BATCH)));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                if (!pending.isEmpty() && attempt >= 8) {
                    throw new IllegalStateException(pending.get(table).size() + " usage samples of " + serviceId
                            + " were not written after " + attempt + " attempts");
                }
                if (!pending.isEmpty()) {
                    sleep(25L << attempt);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing usage samples", e);
        }
    }

    @Override
    public Optional<UsagePeriod> advance(UsagePeriod read, Instant newCursor, long addIn, long addOut) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                    .key(periodKey(read.serviceId(), read.period().start()))
                    .updateExpression("SET #cursor = :new ADD bytesIn :in, bytesOut :out")
                    .conditionExpression("#cursor = :read")
                    .expressionAttributeNames(Map.of("#cursor", "cursor"))
                    .expressionAttributeValues(Map.of(":new", s(newCursor.toString()), ":read",
                            s(read.cursor().toString()), ":in", n(addIn), ":out", n(addOut)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(read(item));
        } catch (ConditionalCheckFailedException moved) {
            return Optional.empty();
        }
    }

    @Override
    public void markNearMailed(UsagePeriod period, Instant at) {
        mark(period, "SET nearMailedAt = :at", "attribute_not_exists(nearMailedAt)", Map.of(":at", s(at.toString())));
    }

    @Override
    public void markOverMailed(UsagePeriod period, Instant at, String suspendOperationId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", s(at.toString())));
        String update = "SET overMailedAt = :at";
        if (suspendOperationId != null) {
            update += ", suspendOperationId = :op";
            values.put(":op", s(suspendOperationId));
        }
        mark(period, update, "attribute_not_exists(overMailedAt)", values);
    }

    private void mark(UsagePeriod period, String update, String condition, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(periodKey(period.serviceId(), period.period().start()))
                    .updateExpression(update).conditionExpression("attribute_exists(pk) AND " + condition)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException alreadyNoted) {
            // another poll noted it first
        }
    }

    @Override
    public List<UsageSample> samples(String serviceId, Instant periodStart) {
        return Queries.all(dynamo, Queries.prefixed(table, Keys.servicePartition(serviceId), samplePrefix(periodStart))
                .projectionExpression("#w, bytesIn, bytesOut")
                .expressionAttributeNames(Map.of("#w", "window")), item -> new UsageSample(
                Instant.parse(str(item, "window")), num(item, "bytesIn"), num(item, "bytesOut")));
    }

    @Override
    public Page billable(YearMonth month, String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :p AND gsi1sk > :after")
                .expressionAttributeValues(Map.of(":p", s(billablePartition(month)),
                        ":after", s("SERVICE#" + (after == null ? "" : after))))
                .limit(limit);
        QueryResponse page = dynamo.query(query.build());
        List<UsagePeriod> periods = page.items().stream().map(DynamoDbUsageLedger::read).toList();
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        return new Page(periods, more && !periods.isEmpty() ? periods.getLast().serviceId() : null);
    }

    private static UsagePeriod read(Map<String, AttributeValue> item) {
        AttributeValue allowance = item.get("allowanceBytes");
        return new UsagePeriod(str(item, "serviceId"), str(item, "customerId"), str(item, "productId"),
                str(item, "connectionId"), new BillingPeriod(Instant.parse(str(item, "periodStart")),
                Instant.parse(str(item, "periodEnd"))), Instant.parse(str(item, "cursor")), num(item, "bytesIn"),
                num(item, "bytesOut"), allowance == null ? null : Long.parseLong(allowance.n()),
                Json.read(str(item, "policy"), BandwidthPolicy.class), Attributes.instant(item, "nearMailedAt"),
                Attributes.instant(item, "overMailedAt"), str(item, "suspendOperationId"));
    }
}
