package io.hostwright.functions.sweeper;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.Price;
import io.hostwright.domain.fixtures.Samples;
import io.hostwright.domain.order.IdempotencyRecord;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.order.OrderDispatch;
import io.hostwright.domain.order.SweepUndispatchedOrders;
import io.hostwright.domain.service.Service;
import io.hostwright.domain.service.ServiceStatus;
import io.hostwright.domain.operation.SweepUndispatchedOperations;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbStepLedger;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.domain.step.FollowUp;
import io.hostwright.domain.step.StepLedger;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.SweepStalledSteps;
import io.hostwright.json.Json;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsMailQueue;
import io.hostwright.sqs.SqsStepQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An order whose acceptance stopped before queuing its messages is finished by the scheduled sweep. */
@ExtendWith(LocalAwsExtension.class)
class ScheduledOrderDispatchSweepHandlerTest {

    @Test
    void interruptedOrderGetsItsFirstStepAndMailOnce(LocalAws aws) {
        aws.purgeQueues();
        Instant acceptedAt = Instant.now().minus(Duration.ofMinutes(10));
        String id = UUID.randomUUID().toString();
        String customer = "cust-" + id;
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), Clock.systemUTC());
        Order order = new Order("ord_" + id, "svc_" + id, customer, "c@example.test", "dedi", "Dedi", "tenantos",
                BillingCycle.MONTHLY, new Price("EUR", 4900), "a.example.com", "debian-12", Map.of("ipv4", "1"), acceptedAt, null);
        orders.place(new IdempotencyRecord(customer, "k", "fp", order.orderId(), order.serviceId(), acceptedAt,
                        acceptedAt.plus(Duration.ofDays(7))), order,
                new Service(order.serviceId(), order.orderId(), customer, "c@example.test",
                        Samples.sold(Samples.dedicated("dedi", "tenantos", "conn", Map.of()), Map.of()),
                        "a.example.com", "debian-12", "Debian 12", ServiceStatus.PENDING, "waiting", 1, acceptedAt,
                        acceptedAt));

        ScheduledOrderDispatchSweepHandler handler = handler(aws, orders,
                new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.PROVISIONING_QUEUE)));
        SweepUndispatchedOrders.Result first = handler.handleRequest(new ScheduledEvent(),
                InvocationContext.forTest("order-dispatch-sweeper"));

        assertThat(first.dispatched()).isGreaterThanOrEqualTo(1);
        assertThat(orders.findOrder(order.orderId()).orElseThrow().dispatched()).isTrue();
        assertThat(receive(aws, Manifest.PROVISIONING_QUEUE)).anySatisfy(m -> assertThat(m.body()).contains(order.serviceId()));
        assertThat(receive(aws, Manifest.MAIL_QUEUE)).anySatisfy(m -> assertThat(m.body()).contains(order.serviceId()));
        assertThat(orders.findUndispatched(Instant.now(), 100)).extracting(Order::orderId).doesNotContain(order.orderId());
    }

    @Test
    void aSweepThatCannotQueueFailsTheInvocationAndKeepsTheOrder(LocalAws aws) {
        Instant acceptedAt = Instant.now().minus(Duration.ofMinutes(10));
        String id = UUID.randomUUID().toString();
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), Clock.systemUTC());
        Order order = new Order("ord_" + id, "svc_" + id, "c-" + id, "c@example.test", "dedi", "Dedi", "tenantos",
                BillingCycle.MONTHLY, new Price("EUR", 4900), "a.example.com", "debian-12", Map.of("ipv4", "1"), acceptedAt, null);
        orders.place(new IdempotencyRecord("c-" + id, "k", "fp", order.orderId(), order.serviceId(), acceptedAt,
                        acceptedAt.plus(Duration.ofDays(7))), order,
                new Service(order.serviceId(), order.orderId(), "c-" + id, "c@example.test",
                        Samples.sold(Samples.dedicated("dedi", "tenantos", "conn", Map.of()), Map.of()),
                        "a.example.com", "debian-12", "Debian 12", ServiceStatus.PENDING, "waiting", 1, acceptedAt,
                        acceptedAt));
        ScheduledOrderDispatchSweepHandler broken = handler(aws, orders,
                new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.PROVISIONING_QUEUE) + "-missing"));

        assertThatThrownBy(() -> broken.handleRequest(new ScheduledEvent(),
                InvocationContext.forTest("order-dispatch-sweeper"))).hasMessageContaining("could not be dispatched");
        assertThat(orders.findOrder(order.orderId()).orElseThrow().dispatched()).isFalse();
    }

    @Test
    void aChainOfStepsWhoseFollowUpWasLostIsSentAgainOnceGraceApartThenGivenUp(LocalAws aws) {
        aws.purgeQueues();
        Instant ran = Instant.now().minus(Duration.ofMinutes(30));
        String id = UUID.randomUUID().toString();
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(aws.dynamoDb(), aws.tableName(), Clock.systemUTC());
        Service service = new Service("svc_" + id, "ord_" + id, "c-" + id, "c@example.test",
                Samples.sold(Samples.dedicated("dedi", "tenantos", "conn", Map.of()), Map.of()),
                "a.example.com", "debian-12", "Debian 12", ServiceStatus.PROVISIONING, "installing", 1, ran, ran);
        Order order = new Order(service.orderId(), service.serviceId(), "c-" + id, "c@example.test", "dedi", "Dedi",
                "tenantos", BillingCycle.MONTHLY, new Price("EUR", 4900), "a.example.com", "debian-12",
                Map.of("ipv4", "1"), ran, ran);
        orders.place(new IdempotencyRecord("c-" + id, "k", "fp", order.orderId(), order.serviceId(), ran,
                ran.plus(Duration.ofDays(7))), order, service);
        DynamoDbStepLedger ledger = new DynamoDbStepLedger(aws.dynamoDb(), aws.tableName());
        StepLedger.Claimed claimed = (StepLedger.Claimed) ledger.claim(service.serviceId(), null, 3, "await-install",
                2, ran, Duration.ofMinutes(2));
        StepMessage next = new StepMessage(service.serviceId(), service.orderId(), "tenantos", "await-install", 3);
        // the run recorded its follow-up; the message itself never reached the queue (or was lost there)
        ledger.complete(claimed, StepStatus.WAITING, "installing: 40%", new FollowUp(next, Duration.ofSeconds(2)), ran);

        ScheduledOrderDispatchSweepHandler handler = handler(aws, orders,
                new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.PROVISIONING_QUEUE)));
        handler.handleRequest(new ScheduledEvent(), InvocationContext.forTest("order-dispatch-sweeper"));

        assertThat(receive(aws, Manifest.PROVISIONING_QUEUE)).singleElement()
                .satisfies(m -> assertThat(Json.read(m.body(), StepMessage.class)).isEqualTo(next));
        handler.handleRequest(new ScheduledEvent(), InvocationContext.forTest("order-dispatch-sweeper"));
        assertThat(receive(aws, Manifest.PROVISIONING_QUEUE)).as("not again before the grace has passed").isEmpty();
        assertThat(ledger.stalledChains(Instant.now().plus(SweepStalledSteps.GRACE), 100))
                .filteredOn(c -> c.serviceId().equals(service.serviceId())).singleElement()
                .satisfies(c -> assertThat(c.resends()).isOne());

        // a run that ends with no follow-up ends the chain
        StepLedger.Claimed last = (StepLedger.Claimed) ledger.claim(service.serviceId(), null, 3, "await-install", 3,
                Instant.now(), Duration.ofMinutes(2));
        ledger.complete(last, StepStatus.SUCCEEDED, "installed", null, Instant.now());
        assertThat(ledger.stalledChains(Instant.now().plus(Duration.ofDays(1)), 100))
                .noneMatch(c -> c.serviceId().equals(service.serviceId()));
    }

    private static ScheduledOrderDispatchSweepHandler handler(LocalAws aws, DynamoDbOrderRepository orders,
                                                             SqsStepQueue provisioning) {
        Clock clock = Clock.systemUTC();
        OrderDispatch dispatch = new OrderDispatch(orders, provisioning,
                new SqsMailQueue(aws.sqs(), aws.queueUrl(Manifest.MAIL_QUEUE)), clock);
        String table = aws.tableName();
        return new ScheduledOrderDispatchSweepHandler(new SweepUndispatchedOrders(orders, dispatch, clock),
                new SweepUndispatchedOperations(new DynamoDbOperationRepository(aws.dynamoDb(), table),
                        new DynamoDbServiceRepository(aws.dynamoDb(), table),
                        new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.LIFECYCLE_QUEUE)), clock),
                new SweepStalledSteps(new DynamoDbStepLedger(aws.dynamoDb(), table),
                        new DynamoDbServiceRepository(aws.dynamoDb(), table),
                        new DynamoDbOperationRepository(aws.dynamoDb(), table), provisioning,
                        new SqsStepQueue(aws.sqs(), aws.queueUrl(Manifest.LIFECYCLE_QUEUE)),
                        new SqsMailQueue(aws.sqs(), aws.queueUrl(Manifest.MAIL_QUEUE)), clock));
    }

    private static List<Message> receive(LocalAws aws, String queue) {
        return aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queue)).maxNumberOfMessages(10)).messages();
    }
}
