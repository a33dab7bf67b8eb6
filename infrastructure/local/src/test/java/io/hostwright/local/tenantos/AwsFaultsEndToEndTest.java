package io.hostwright.local.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.local.LocalRuntime;
import io.hostwright.local.faults.InjectedAwsFaults;
import io.hostwright.manifest.Manifest;
import io.hostwright.simulator.tenantos.SimulatedServer;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole suite with its AWS adapters failing under it: a third of DynamoDB writes throttled (the SDK retries, and
 * some still fail) and a third of SQS sends and deletes refused, from the first order to the last mail. Customers
 * and staff retry with their Idempotency-Key as a storefront would. Every order ends ACTIVE with one server, no order
 * is half-written or doubled, no step is lost (the sweeper re-sends what was not dispatched, a redelivery re-sends a
 * recorded follow-up), the operation ends, every e-mail goes out once, and every answer is the expected one or a 503.
 */
@ExtendWith(LocalAwsExtension.class)
class AwsFaultsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(150);
    private static LocalRuntime runtime;

    /** The step and mail queues' visibility timeout, shortened from six function timeouts while this test runs. */
    private static final Map<String, String> SHORT = Map.of(Manifest.PROVISIONING_QUEUE, "5",
            Manifest.LIFECYCLE_QUEUE, "5", Manifest.MAIL_QUEUE, "5");

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts(), aws);
        // a message whose handling failed (or whose delete was refused) comes back after the visibility timeout:
        // minutes in AWS and by default here; seconds for this test, which checks it comes back, not when
        SHORT.forEach((queue, seconds) -> visibility(aws, queue, seconds));
    }

    @AfterAll
    static void stop(LocalAws aws) {
        SHORT.keySet().forEach(queue -> visibility(aws, queue,
                Long.toString(Manifest.visibilityTimeout(queue).toSeconds())));
        runtime.close();
    }

    private static void visibility(LocalAws aws, String queue, String seconds) {
        aws.sqs().setQueueAttributes(b -> b.queueUrl(aws.queueUrl(queue))
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, seconds)));
    }

    @AfterEach
    void off() {
        InjectedAwsFaults.deactivate();
    }

    private record Customer(String email, String token, String orderId, String serviceId) {
        @Override
        public String toString() {
            return serviceId;
        }
    }

    @Test
    void anOrderWhoseWriteIsRefusedIsAnswered503WithNothingWrittenAndTheSameKeyLaterPlacesItOnce() {
        // other servers than the next test's four
        TenantOsOrders orders = new TenantOsOrders(runtime, "epyc9354p", Duration.ofSeconds(1));
        String name = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String token = runtime.jwt().issue(name, name + "@example.com", null, Duration.ofMinutes(30));
        String key = UUID.randomUUID().toString();
        String body = orders.orderBody("refused.example.com", 1);
        InjectedAwsFaults.activate(new InjectedAwsFaults.Plan(Map.of("DynamoDb", Set.of("TransactWriteItems")), 1.0,
                1));

        TenantOsOrders.Answer refused = orders.attempt("POST", "/v1/orders", token, body, key);

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(503);
        assertThat(refused.body().path("status").asInt()).isEqualTo(503);
        InjectedAwsFaults.deactivate();
        assertThat(orders.call("GET", "/v1/services", token, null, 200).path("services")).as("nothing half-written")
                .isEmpty();
        TenantOsOrders.Answer accepted = orders.attempt("POST", "/v1/orders", token, body, key);
        TenantOsOrders.Answer replayed = orders.attempt("POST", "/v1/orders", token, body, key);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(replayed.body().path("orderId")).isEqualTo(accepted.body().path("orderId"));
        assertThat(orders.call("GET", "/v1/services", token, null, 200).path("services")).hasSize(1);
    }

    @Test
    void throttledWritesAndRefusedSendsLoseNoOrderNoStepAndNoMail() {
        TenantOsSimulator simulator = TenantOsOrders.simulator(runtime);
        simulator.reset();
        TenantOsOrders orders = new TenantOsOrders(runtime, "e2388g", Duration.ofSeconds(1));
        InjectedAwsFaults.activate(new InjectedAwsFaults.Plan(Map.of(
                "DynamoDb", Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem"),
                "Sqs", Set.of("SendMessage", "SendMessageBatch", "DeleteMessage", "DeleteMessageBatch")),
                0.33, 20261205));

        List<String> answers = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "c-" + UUID.randomUUID().toString().substring(0, 8);
            String email = name + "@example.com";
            String token = runtime.jwt().issue(name, email, null, Duration.ofMinutes(30));
            JsonNode accepted = retried(answers, "/v1/orders", token, orders.orderBody("faults" + i + ".example.com", 1),
                    orders);
            customers.add(new Customer(email, token, accepted.path("orderId").asText(),
                    accepted.path("serviceId").asText()));
        }
        await(() -> customers.stream().allMatch(c -> status(orders, c).equals("ACTIVE")));
        assertThat(customers).allSatisfy(c -> assertThat(status(orders, c)).as(c.serviceId() + ": "
                + orders.call("GET", "/v1/services/" + c.serviceId(), c.token(), null, 200)).isEqualTo("ACTIVE"));

        Customer suspended = customers.getFirst();
        String staff = orders.staffToken();
        String admin = "/v1/admin/services/" + suspended.serviceId();
        JsonNode operation = retried(answers, admin + "/suspend", staff, "{\"reason\":\"invoice overdue\"}", orders);
        String operationPath = admin + "/operations/" + operation.path("operationId").asText();
        await(() -> orders.call("GET", operationPath, staff, null, 200).path("status").asText().equals("SUCCEEDED"));
        assertThat(orders.call("GET", operationPath, staff, null, 200).path("status").asText()).isEqualTo("SUCCEEDED");

        Map<String, Long> injected = InjectedAwsFaults.injected();
        InjectedAwsFaults.deactivate();
        System.out.println("injected faults: " + injected + "; answers: " + answers.stream()
                .map(a -> a.substring(0, 3)).collect(java.util.stream.Collectors.groupingBy(a -> a,
                        java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        runtime.scheduler().runNow("order-dispatch-sweeper");
        orders.awaitQueueDrained(Manifest.MAIL_QUEUE, Duration.ofSeconds(60));

        assertThat(injected.keySet()).as("faults were raised in both services: " + injected)
                .anyMatch(k -> k.startsWith("DynamoDb ")).anyMatch(k -> k.startsWith("Sqs "));
        assertThat(answers).as("only the expected answer or a 503").allSatisfy(a -> assertThat(a).matches("(202|503) .*"));
        List<SimulatedServer> owned = simulator.servers().stream()
                .filter(s -> s.userId() != null && s.userId() != 1).toList();
        assertThat(owned).extracting(SimulatedServer::hostname).containsExactlyInAnyOrder("faults0.example.com",
                "faults1.example.com", "faults2.example.com", "faults3.example.com");
        for (Customer c : customers) {
            assertThat(orders.call("GET", "/v1/services", c.token(), null, 200).path("services"))
                    .as("one order, one service for " + c.email()).hasSize(1);
            List<String> subjects = orders.mails(c.email()).stream().map(m -> m.path("subject").asText()).toList();
            assertThat(subjects).as(c.email() + " got each mail once").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        }
    }

    /** Sent until accepted (202) with one Idempotency-Key, as a storefront retries a 503. */
    private static JsonNode retried(List<String> answers, String path, String token, String body, TenantOsOrders orders) {
        String key = UUID.randomUUID().toString();
        for (int tries = 0; tries < 40; tries++) {
            TenantOsOrders.Answer answer = orders.attempt("POST", path, token, body, key);
            answers.add(answer.status() + " " + path + " " + answer.body().path("detail").asText());
            if (answer.status() == 202) {
                return answer.body();
            }
        }
        throw new AssertionError(path + " never accepted: " + answers);
    }

    private static String status(TenantOsOrders orders, Customer c) {
        return orders.call("GET", "/v1/services/" + c.serviceId(), c.token(), null, 200).path("status").asText();
    }

    /** Waits, running the dispatch sweeper as EventBridge does every five minutes. */
    private static void await(BooleanSupplier done) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
            runtime.scheduler().runNow("order-dispatch-sweeper");
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
