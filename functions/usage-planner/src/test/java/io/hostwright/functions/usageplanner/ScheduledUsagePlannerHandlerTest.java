package io.hostwright.functions.usageplanner;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.backends.Backends;
import io.hostwright.backends.tenantos.TenantOsBackend;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.MutableClock;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.usage.PlanUsagePolls;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsUsagePollRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 5-minute planner on DynamoDB Local and ElasticMQ's FIFO usage queue: a connection's live services in messages
 * of 25 spread over the lanes its back-end allows (TenantOS: 4), none for a back-end without a usage source, and the
 * queue handing out one message per lane at a time — so a grown fleet never means more readers of one back-end.
 */
@ExtendWith(LocalAwsExtension.class)
class ScheduledUsagePlannerHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:02:30Z");

    @Test
    void queuesEachConnectionsLiveServicesInLanesTheQueueServesOneAtATime(LocalAws aws) {
        aws.purgeQueues();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String big = "plan-" + run + "-big";
        String bare = "plan-" + run + "-bare";
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName());
        connections.saveConnection(new Connection(big, TenantOsBackend.NAME, null, "http://127.0.0.1:9",
                "env:NEVER_READ", null, Map.of("stockOwnerUserId", 1)));
        connections.saveConnection(new Connection(bare, "bare", null, "http://127.0.0.1:9", "env:NEVER_READ", null,
                Map.of()));
        MutableClock clock = new MutableClock(NOW);
        List<String> live = services(aws, clock, big, TenantOsBackend.NAME, run, 130);
        services(aws, clock, bare, "bare", run, 3);
        PlanUsagePolls plan = new PlanUsagePolls(Backends.on(aws.dynamoDb(), aws.tableName(), null, null,
                ref -> { throw new AssertionError("the planner reads no credential"); }, Backends.BACKOFF, clock,
                List.of(TenantOsBackend.FACTORY, new FakeBackend("bare", null, null, null).factory())),
                connections, new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName()),
                new SqsUsagePollRequests(aws.sqs(), aws.queueUrl(Manifest.USAGE_QUEUE)), clock);

        PlanUsagePolls.Plan planned = new ScheduledUsagePlannerHandler(plan).handleRequest(new ScheduledEvent(),
                InvocationContext.forTest("usage-planner"));

        assertThat(planned.cycle()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        String url = aws.queueUrl(Manifest.USAGE_QUEUE);
        // without deleting anything: the queue gives one message per lane, then nothing until one is done
        List<Message> inFlight = receiveMine(aws, url, run);
        assertThat(inFlight).extracting(m -> m.attributesAsStrings().get("MessageGroupId"))
                .containsExactlyInAnyOrder(big + "#0", big + "#1", big + "#2", big + "#3");
        List<JsonNode> bodies = new ArrayList<>(inFlight.stream().map(m -> Json.read(m.body(), JsonNode.class))
                .toList());
        for (Message m : inFlight) {
            aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        }
        List<Message> rest = receiveMine(aws, url, run);
        assertThat(rest).extracting(m -> m.attributesAsStrings().get("MessageGroupId")).as("104 live services: 5 messages, the fifth in lane 0 again").containsExactly(big + "#0");
        rest.forEach(m -> bodies.add(Json.read(m.body(), JsonNode.class)));

        assertThat(bodies).allSatisfy(b -> {
            assertThat(b.path("connectionId").asText()).isEqualTo(big);
            assertThat(b.path("serviceIds").size()).isBetween(1, PlanUsagePolls.BATCH);
            assertThat(b.path("cycle").asText()).isEqualTo("2026-12-05T10:00:00Z");
        });
        List<String> queued = new ArrayList<>();
        bodies.forEach(b -> b.path("serviceIds").forEach(id -> queued.add(id.asText())));
        assertThat(queued).as("every live service once, the terminated and pending ones not")
                .containsExactlyInAnyOrderElementsOf(live);
    }

    /**
     * {@code count} services on the connection: every tenth terminated, every tenth but one still pending, the rest
     * active (every fifth of those suspended). Answers the live ones (active and suspended).
     */
    private static List<String> services(LocalAws aws, MutableClock clock, String connectionId, String backend,
                                         String run, int count) {
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), clock);
        DynamoDbServiceRepository services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
        var product = Samples.dedicated("p-" + run, backend, connectionId, Map.of());
        List<String> live = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "svc_" + connectionId + "_" + i;
            Service pending = new Service(id, "ord_" + id, "cust-" + run, "c@example.test",
                    Samples.sold(product, Map.of()), "h.example.com", "debian-12", "Debian 12",
                    ServiceStatus.PENDING, null, 1, NOW, NOW);
            orders.place(new IdempotencyRecord("cust-" + run, "k-" + id, "fp", "ord_" + id, id, NOW,
                    NOW.plus(Duration.ofDays(7))), new Order("ord_" + id, id, "cust-" + run, "c@example.test",
                    product.productId(), product.name(), backend, BillingCycle.MONTHLY, new Price("EUR", 4900), "h.example.com", "debian-12",
                    Map.of(), NOW, NOW), pending);
            ServiceStatus status = i % 10 == 0 ? ServiceStatus.TERMINATED : i % 10 == 1 ? ServiceStatus.PENDING
                    : i % 5 == 2 ? ServiceStatus.SUSPENDED : ServiceStatus.ACTIVE;
            if (status != ServiceStatus.PENDING) {
                services.replace(pending, new Service(id, pending.orderId(), pending.customerId(),
                        pending.customerEmail(), pending.sold(), pending.hostname(), pending.osTemplateId(),
                        pending.osName(), status, null, 2, NOW, NOW));
            }
            if (status == ServiceStatus.ACTIVE || status == ServiceStatus.SUSPENDED) {
                live.add(id);
            }
        }
        return live;
    }

    /** The messages of this run the queue hands out now (nothing deleted). */
    private static List<Message> receiveMine(LocalAws aws, String url, String run) {
        List<Message> mine = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1)
                    .messageSystemAttributeNamesWithStrings("MessageGroupId")).messages();
            for (Message m : batch) {
                if (seen.add(m.messageId()) && m.body().contains("plan-" + run)) {
                    mine.add(m);
                }
            }
        } while (!batch.isEmpty());
        return mine;
    }
}
