package io.hostwright.functions.lifecycle;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.backend.Backend;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.operation.ActionLock;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationPlan;
import io.hostwright.domain.operation.OperationStatus;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.StepOutcome;
import io.hostwright.dynamodb.DynamoDbActionLocks;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsMailQueue;
import io.hostwright.sqs.SqsStepQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler on the emulators with {@link LifecycleWiring#runner} on fake back-ends: {@code fake-lifecycle}
 * suspends in two steps and counts how often each ran; {@code fake-bare} has no lifecycle support.
 */
@ExtendWith(LocalAwsExtension.class)
class SqsLifecycleStepHandlerTest {

    private static final String WITH_LIFECYCLE = "fake-lifecycle";
    private static final String BARE = "fake-bare";

    private LocalAws aws;
    private CountingSuspension suspension;
    private SqsLifecycleStepHandler handler;
    private DynamoDbServiceRepository services;
    private DynamoDbOperationRepository operations;
    private final String customer = "cust-" + UUID.randomUUID();

    /** Suspends in two steps: power-off, then suspend-user (the turning point). */
    private static final class CountingSuspension implements LifecycleModule {
        private final Map<String, Integer> runs = new ConcurrentHashMap<>();

        int runs(String step) {
            return runs.getOrDefault(step, 0);
        }

        @Override
        public Optional<OperationPlan> plan(OperationKind kind) {
            return kind.equals(OperationKind.SUSPEND)
                    ? Optional.of(OperationPlan.endingAtLastStep(List.of("power-off", "suspend-user")))
                    : Optional.empty();
        }

        @Override
        public StepOutcome run(Operation operation, String step, Service service, int attempt) {
            runs.merge(step, 1, Integer::sum);
            return "power-off".equals(step) ? new StepOutcome.Next("suspend-user", "powered off")
                    : new StepOutcome.Done("user suspended");
        }
    }

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        suspension = new CountingSuspension();
        handler = new SqsLifecycleStepHandler(LifecycleWiring.runner(aws.dynamoDb(), aws.tableName(), aws.credentialsTableName(),
                new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.LIFECYCLE_QUEUE)),
                new SqsMailQueue(aws.sqs(), aws.queueUrl(Manifest.MAIL_QUEUE)),
                secretRef -> { throw new AssertionError("no connection is used here"); },
                List.of(new FakeBackend(WITH_LIFECYCLE, null, suspension, null).factory(),
                        new FakeBackend(BARE, null, null, null).factory()),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)), Clock.systemUTC()));
        services = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName());
        operations = new DynamoDbOperationRepository(aws.dynamoDb(), aws.tableName());
        aws.purgeQueues();
    }

    /** An ACTIVE service on {@code backend} with a suspension queued on it, as staff's request leaves them. */
    private Operation queuedSuspension(String backend) {
        Product product = Samples.dedicated("lc-" + UUID.randomUUID(), backend, "conn-1", Map.of());
        Service service = Samples.service("svc_" + UUID.randomUUID(), customer, product, ServiceStatus.ACTIVE);
        Order order = new Order(service.orderId(), service.serviceId(), customer, service.customerEmail(),
                product.productId(), product.name(), backend, BillingCycle.MONTHLY,
                product.prices().get(BillingCycle.MONTHLY), service.hostname(), service.osTemplateId(),
                service.options(), service.createdAt(), service.createdAt());
        new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), Clock.systemUTC()).place(
                new IdempotencyRecord(customer, "k-" + service.serviceId(), "fp", order.orderId(),
                        service.serviceId(), service.createdAt(), service.createdAt().plus(Duration.ofDays(3650))),
                order, service);
        Instant now = Instant.now();
        Operation operation = new Operation(service.serviceId(), "op_" + UUID.randomUUID(), OperationKind.SUSPEND,
                OperationStatus.QUEUED, "staff:staff-1", "unpaid", Map.of(), "queued", false, 1, now, now);
        operations.start(operation, new ActionLock(service.serviceId(), operation.operationId(), "suspend", now, null),
                null);
        return operation;
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    private static String step(Operation operation, String backend, String step) {
        return Json.write(new StepMessage(operation.serviceId(), null, backend, step, 1, operation.operationId()));
    }

    private List<String> handle(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        SQSBatchResponse response = handler.handleRequest(event, InvocationContext.forTest("lifecycle"));
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private List<JsonNode> drain(String queue) {
        List<JsonNode> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queue)).maxNumberOfMessages(10))
                    .messages();
            batch.forEach(m -> all.add(Json.read(m.body(), JsonNode.class)));
        } while (!batch.isEmpty());
        return all;
    }

    private Operation stored(Operation operation) {
        return operations.find(operation.serviceId(), operation.operationId()).orElseThrow();
    }

    @Test
    void anUndecodableMessageFailsAloneAndMessagesForUnknownOperationsOrServicesAreDropped() {
        Operation known = queuedSuspension(WITH_LIFECYCLE);
        Operation unknownOperation = new Operation(known.serviceId(), "op_nope", OperationKind.SUSPEND,
                OperationStatus.QUEUED, null, null, null, null, false, 1, null, null);
        Operation unknownService = new Operation("svc_nope-" + UUID.randomUUID(), "op_nope", OperationKind.SUSPEND,
                OperationStatus.QUEUED, null, null, null, null, false, 1, null, null);

        List<String> failures = handle(
                message("bad", "{not json"),
                message("no-step", "{\"serviceId\": \"svc_x\", \"backend\": \"fake-lifecycle\"}"),
                message("unknown-operation", step(unknownOperation, WITH_LIFECYCLE, "power-off")),
                message("unknown-service", step(unknownService, WITH_LIFECYCLE, "begin")));

        assertThat(failures).containsExactlyInAnyOrder("bad", "no-step");
        assertThat(suspension.runs("power-off")).isZero();
        assertThat(stored(known).status()).isEqualTo(OperationStatus.QUEUED);
        assertThat(drain(Manifest.LIFECYCLE_QUEUE)).isEmpty();
    }

    @Test
    void aJsonNullMessageFailsAloneToo() {
        Operation operation = queuedSuspension(WITH_LIFECYCLE);

        List<String> failures = handle(message("null", "null"),
                message("begin", step(operation, WITH_LIFECYCLE, StepMessage.FIRST_STEP)));

        assertThat(failures).containsExactly("null");
        assertThat(stored(operation).status()).isEqualTo(OperationStatus.RUNNING);
    }

    @Test
    void beginStartsAQueuedOperationAndQueuesItsFirstStep() {
        Operation operation = queuedSuspension(WITH_LIFECYCLE);

        assertThat(handle(message("m1", step(operation, WITH_LIFECYCLE, StepMessage.FIRST_STEP)))).isEmpty();

        Operation started = stored(operation);
        assertThat(started.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(started.dispatched()).isTrue();
        assertThat(drain(Manifest.LIFECYCLE_QUEUE)).singleElement().satisfies(next -> {
            assertThat(next.get("operationId").asText()).isEqualTo(operation.operationId());
            assertThat(next.get("serviceId").asText()).isEqualTo(operation.serviceId());
            assertThat(next.get("step").asText()).isEqualTo("power-off");
            assertThat(next.get("attempt").asInt()).isEqualTo(1);
        });
        assertThat(suspension.runs("power-off")).isZero();
    }

    @Test
    void aDuplicateDeliveryOfAStepRunsTheBackEndOnceAndTheOperationEndsWithTheServiceSuspended() {
        Operation operation = queuedSuspension(WITH_LIFECYCLE);
        handle(message("m1", step(operation, WITH_LIFECYCLE, StepMessage.FIRST_STEP)));
        drain(Manifest.LIFECYCLE_QUEUE);

        assertThat(handle(message("m2", step(operation, WITH_LIFECYCLE, "power-off")))).isEmpty();
        assertThat(handle(message("m2-again", step(operation, WITH_LIFECYCLE, "power-off")))).isEmpty();

        assertThat(suspension.runs("power-off")).isEqualTo(1);
        assertThat(drain(Manifest.LIFECYCLE_QUEUE)).singleElement()
                .satisfies(next -> assertThat(next.get("step").asText()).isEqualTo("suspend-user"));
        assertThat(operations.steps(operation.serviceId(), operation.operationId())).singleElement()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo("power-off");
                    assertThat(s.status()).isEqualTo(StepStatus.SUCCEEDED);
                });
        assertThat(services.findService(operation.serviceId())).hasValueSatisfying(
                s -> assertThat(s.status()).isEqualTo(ServiceStatus.ACTIVE));

        assertThat(handle(message("m3", step(operation, WITH_LIFECYCLE, "suspend-user")))).isEmpty();

        assertThat(suspension.runs("suspend-user")).isEqualTo(1);
        assertThat(stored(operation).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(services.findService(operation.serviceId())).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(ServiceStatus.SUSPENDED);
            assertThat(s.statusReason()).isEqualTo("suspended: unpaid");
        });
        assertThat(new DynamoDbActionLocks(aws.dynamoDb(), aws.tableName()).current(operation.serviceId())).isEmpty();
        assertThat(drain(Manifest.LIFECYCLE_QUEUE)).isEmpty();
    }

    @Test
    void anOperationOnABackEndWithoutLifecycleSupportFailsNamingTheBackEndAndStaffAreTold() {
        Operation operation = queuedSuspension(BARE);

        assertThat(handle(message("m1", step(operation, BARE, StepMessage.FIRST_STEP)))).isEmpty();

        Operation failed = stored(operation);
        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.detail()).isEqualTo("suspend is not supported by the Fake " + BARE + " back-end");
        assertThat(services.findService(operation.serviceId())).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(ServiceStatus.ACTIVE);
            assertThat(s.statusReason()).contains("not supported by the Fake " + BARE + " back-end");
        });
        assertThat(new DynamoDbActionLocks(aws.dynamoDb(), aws.tableName()).current(operation.serviceId())).isEmpty();
        assertThat(drain(Manifest.MAIL_QUEUE)).singleElement().satisfies(mail -> {
            assertThat(mail.get("serviceId").asText()).isEqualTo(operation.serviceId());
            assertThat(mail.toString()).contains("noc@example.test").contains("not supported by the Fake " + BARE);
        });
        assertThat(drain(Manifest.LIFECYCLE_QUEUE)).isEmpty();
    }
}
