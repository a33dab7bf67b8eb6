package io.hostwright.local.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.local.LocalRuntime;
import io.hostwright.local.leak.EverythingLogged;
import io.hostwright.local.leak.QueueBodies;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.QueueSpec;
import io.hostwright.simulator.billmanager.BillManagerSimulator;
import io.hostwright.simulator.tenantos.SimulatedServer;
import io.hostwright.simulator.tenantos.TenantOsSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server's whole life — provisioned, reinstalled, booted into rescue, terminated — with every log line, every
 * console line, every queue body (dead letters too), the main table, staff e-mails and every API answer collected,
 * then searched for each credential that life produced: the TenantOS API key, the licence server's password, both
 * root passwords, the control-panel licence key and the rescue password. Only the answer that starts the rescue system
 * and the customer's own credential mails may hold one.
 */
@ExtendWith(LocalAwsExtension.class)
class SecretsNeverLeakEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void noCredentialIsLoggedQueuedStoredBesideTheServiceOrAnsweredWhereItShouldNotBe(LocalAws aws) {
        List<String> answers = new ArrayList<>();
        Map<String, String> credentials = new LinkedHashMap<>();
        String allowedAnswer;
        String logged;
        List<String> queued;
        TenantOsOrders.Placed placed;
        String department;
        try (EverythingLogged everything = EverythingLogged.open()) {
            QueueBodies.start();
            try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts(), aws)) {
                TenantOsSimulator simulator = TenantOsOrders.simulator(runtime);
                credentials.put("TenantOS API key", simulator.apiKey());
                TenantOsOrders orders = new TenantOsOrders(runtime, "e2388g", Duration.ofSeconds(1)).withControlPanel();
                department = orders.department;
                BillManagerSimulator licences = runtime.simulator(BillManagerSimulator.BACKEND,
                        BillManagerSimulator.class);
                credentials.put("licence server password", licences.credential().substring(
                        licences.credential().indexOf(':') + 1));
                placed = orders.order("secrets.example.com", 2, "55227");
                String service = "/v1/services/" + placed.serviceId();
                answers.add(orders.awaitService(placed, WAIT, s -> s.path("status").asText().equals("ACTIVE")).toString());
                orders.awaitMails(placed.email(), 3, WAIT);
                long serverId = simulator.servers().stream()
                        .filter(s -> "secrets.example.com".equals(s.hostname())).map(SimulatedServer::id)
                        .findFirst().orElseThrow();
                credentials.put("root password", simulator.rootPasswordOf(serverId).orElseThrow());
                String serviceId = placed.serviceId();
                credentials.put("licence key", licences.licences().stream()
                        .filter(l -> l.name().endsWith("[" + serviceId + "]")).findFirst().orElseThrow().key());
                answers.add(orders.call("GET", "/v1/admin/licences", orders.staffToken(), null, 200).toString());
                assertThat(rows(aws, aws.credentialsTableName(), placed.serviceId())).as("kept apart").isNotEmpty();

                answers.add(orders.call("GET", service + "/server", placed.token(), null, 200).toString());
                JsonNode reinstall = orders.call("POST", service + "/reinstall", placed.token(),
                        "{\"osTemplateId\":\"ubuntu-24.04\"}", 202);
                answers.add(reinstall.toString());
                answers.add(orders.await(service + "/operations/" + reinstall.path("operationId").asText(),
                        placed.token(), WAIT, o -> o.path("status").asText().equals("SUCCEEDED")).toString());
                credentials.put("reinstalled root password", simulator.rootPasswordOf(serverId).orElseThrow());

                JsonNode rescue = orders.call("POST", service + "/rescue", placed.token(), "{\"action\":\"start\"}", 200);
                allowedAnswer = rescue.toString();
                credentials.put("rescue password", rescue.path("rootPassword").asText());
                answers.add(orders.call("POST", service + "/rescue", placed.token(), "{\"action\":\"stop\"}", 200)
                        .toString());

                String admin = "/v1/admin/services/" + placed.serviceId();
                String staff = orders.staffToken();
                JsonNode terminate = orders.call("POST", admin + "/terminate", staff, "{}", 202);
                answers.add(orders.await(admin + "/operations/" + terminate.path("operationId").asText(), staff, WAIT,
                        o -> o.path("status").asText().equals("SUCCEEDED")).toString());
                answers.add(orders.call("GET", admin, staff, null, 200).toString());
                answers.add(orders.call("GET", "/v1/services", placed.token(), null, 200).toString());
                orders.awaitMails(department, 1, WAIT);
                answers.addAll(orders.mails(department).stream().map(JsonNode::toString).toList());

                assertThat(rows(aws, aws.credentialsTableName(), placed.serviceId()))
                        .as("a terminated service keeps no credential").isEmpty();
                List<String> mainTable = rows(aws, aws.tableName(), placed.serviceId());
                assertThat(mainTable).isNotEmpty();
                answers.addAll(mainTable);
                for (QueueSpec queue : Manifest.QUEUES) {
                    answers.addAll(deadLetters(aws, queue));
                }
            } finally {
                queued = QueueBodies.stop();
            }
            logged = everything.all();
            assertThat(everything.eventCount()).as("the functions did log").isGreaterThan(10);
        }

        assertThat(credentials.values()).doesNotHaveDuplicates().allSatisfy(c -> assertThat(c).hasSizeGreaterThan(8));
        assertThat(queued).as("queue bodies were recorded").isNotEmpty()
                .anySatisfy(body -> assertThat(body).contains("SERVER_READY"));
        assertThat(allowedAnswer).contains(credentials.get("rescue password"));
        credentials.forEach((what, secret) -> {
            assertThat(logged).as(what + " in a log or console line").doesNotContain(secret);
            assertThat(queued).as(what + " in a queue body").noneSatisfy(body -> assertThat(body).contains(secret));
            assertThat(answers).as(what + " in an API answer, the main table, a dead letter or a staff mail")
                    .noneSatisfy(answer -> assertThat(answer).contains(secret));
        });
    }

    /** Every item of the service's partition in {@code table}, as text. */
    private static List<String> rows(LocalAws aws, String table, String serviceId) {
        return aws.dynamoDb().query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SERVICE#" + serviceId))))
                .items().stream().map(Map::toString).toList();
    }

    /** What a dead-letter queue holds, read without deleting. */
    private static List<String> deadLetters(LocalAws aws, QueueSpec queue) {
        return aws.sqs().receiveMessage(r -> r.queueUrl(aws.deadLetterQueueUrl(queue.name()))
                        .maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(0)).messages().stream()
                .map(Message::body).toList();
    }

}
