package io.hostwright.dynamodb;

import io.hostwright.domain.template.SyncRun;
import io.hostwright.domain.template.SyncRuns;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hostwright.dynamodb.Attributes.n;
import static io.hostwright.dynamodb.Attributes.s;
import static io.hostwright.dynamodb.Attributes.str;

/**
 * Sync runs: {@code CONNECTION#<id> / SYNCRUN#<runId>}, the run as a JSON document, expiring after
 * {@link #KEPT} (run ids sort by time, so a connection's runs read newest first in one query).
 */
public final class DynamoDbSyncRuns implements SyncRuns {

    public static final Duration KEPT = Duration.ofDays(30);
    private static final String PREFIX = "SYNCRUN#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSyncRuns(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String connectionId, String runId) {
        return Keys.of(DynamoDbConnectionRepository.partition(connectionId), PREFIX + runId);
    }

    @Override
    public void record(SyncRun run) {
        Instant at = run.startedAt() != null ? run.startedAt() : run.requestedAt();
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(run.connectionId(), run.runId()));
        item.put("type", s("SyncRun"));
        item.put("doc", s(Json.write(run)));
        item.put("expiresAt", n((at == null ? Instant.now() : at).plus(KEPT).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<SyncRun> find(String connectionId, String runId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(connectionId, runId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public List<SyncRun> latest(String connectionId, int limit) {
        return dynamo.query(Queries.prefixed(table, DynamoDbConnectionRepository.partition(connectionId), PREFIX)
                        .scanIndexForward(false).limit(limit).build())
                .items().stream().map(DynamoDbSyncRuns::read).toList();
    }

    @Override
    public void deleteAll(String connectionId) {
        Queries.all(dynamo, Queries.prefixed(table, DynamoDbConnectionRepository.partition(connectionId), PREFIX)
                        .projectionExpression("pk, sk"), item -> item)
                .forEach(k -> dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", k.get("pk"), "sk", k.get("sk")))));
    }

    private static SyncRun read(Map<String, AttributeValue> item) {
        return Json.read(str(item, "doc"), SyncRun.class);
    }
}
