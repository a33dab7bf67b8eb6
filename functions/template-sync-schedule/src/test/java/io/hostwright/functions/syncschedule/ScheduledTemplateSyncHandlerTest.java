package io.hostwright.functions.syncschedule;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.backends.Backends;
import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.template.ScheduleSyncs;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsSyncRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly schedule on DynamoDB Local and ElasticMQ: one sync message per connection whose back-end reads templates
 * or stock — more than one SQS batch of them —, none for a back-end that reads neither, and no back-end called.
 */
@ExtendWith(LocalAwsExtension.class)
class ScheduledTemplateSyncHandlerTest {

    @Test
    void queuesOneSyncPerConnectionWhoseBackEndSyncs(LocalAws aws) {
        aws.purgeQueues();
        String run = UUID.randomUUID().toString().substring(0, 6);
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName());
        List<String> syncing = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "sched-" + run + "-" + i;
            syncing.add(id);
            connections.saveConnection(new Connection(id, TenantOsBackend.NAME, null, "http://127.0.0.1:9",
                    "env:NEVER_READ", null, Map.of("stockOwnerUserId", 1)));
        }
        connections.saveConnection(new Connection("sched-" + run + "-bare", "bare", null, "http://127.0.0.1:9",
                "env:NEVER_READ", null, Map.of()));
        Clock clock = Clock.systemUTC();
        ScheduleSyncs schedule = new ScheduleSyncs(Backends.on(aws.dynamoDb(), aws.tableName(), null, null,
                ref -> { throw new AssertionError("the schedule reads no credential"); }, Backends.BACKOFF, clock,
                List.of(TenantOsBackend.FACTORY, new FakeBackend("bare", null, null, null).factory())),
                connections, new SqsSyncRequests(aws.sqs(), aws.queueUrl(Manifest.SYNC_QUEUE)), new SortableIds(clock));

        int queued = new ScheduledTemplateSyncHandler(schedule).handleRequest(new ScheduledEvent(),
                InvocationContext.forTest("template-sync-schedule"));

        List<JsonNode> messages = drain(aws).stream().map(m -> Json.read(m.body(), JsonNode.class))
                .filter(m -> m.get("connectionId").asText().startsWith("sched-" + run)).toList();
        assertThat(messages).extracting(m -> m.get("connectionId").asText())
                .containsExactlyInAnyOrderElementsOf(syncing);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("trigger").asText()).isEqualTo("schedule");
            assertThat(m.get("runId").asText()).startsWith("run_");
        });
        assertThat(messages).extracting(m -> m.get("runId").asText()).doesNotHaveDuplicates();
        assertThat(queued).isGreaterThanOrEqualTo(12);
    }

    private static List<Message> drain(LocalAws aws) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(Manifest.SYNC_QUEUE))
                    .maxNumberOfMessages(10)).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }
}
