package io.hostwright.functions.mailer;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.domain.mail.MailRenderer;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.SendLifecycleMail;
import io.hostwright.dynamodb.DynamoDbMailLog;
import io.hostwright.dynamodb.DynamoDbServiceSecrets;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.emulators.SentEmail;
import io.hostwright.json.Json;
import io.hostwright.manifest.Manifest;
import io.hostwright.ses.SesMailSender;
import io.hostwright.sqs.SqsMailQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.hostwright.functions.mailer.TestEvents.context;
import static io.hostwright.functions.mailer.TestEvents.event;
import static io.hostwright.functions.mailer.TestEvents.failedIds;
import static io.hostwright.functions.mailer.TestEvents.message;
import static org.assertj.core.api.Assertions.assertThat;

/** The mailer with its real adapters against DynamoDB Local, ElasticMQ and the SES emulator. */
@ExtendWith(LocalAwsExtension.class)
class MailerOnLocalAwsTest {

    private static final String PASSWORD = "Xy7<pw>&\"q";

    private LocalAws aws;
    private SqsMailRequestHandler handler;
    private String serviceId;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.handler = handlerSendingThrough(aws.ses());
        this.serviceId = "svc_" + UUID.randomUUID();
    }

    @Test
    void theSampleInitialOrderEventIsMailedOnceEvenWhenDeliveredTwice() {
        SQSEvent sample = TestEvents.sample("sqs-mail-initial-order.json");
        MailRequest request = Json.read(sample.getRecords().getFirst().getBody(), MailRequest.class);

        SQSBatchResponse first = handler.handleRequest(sample, context());
        SQSBatchResponse second = handler.handleRequest(TestEvents.sample("sqs-mail-initial-order.json"), context());

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(mailsOf(request.serviceId())).singleElement().satisfies(mail -> {
            assertThat(mail.from()).isEqualTo(LocalAws.MAIL_FROM);
            assertThat(mail.to()).containsExactly("success@simulator.amazonses.com");
            assertThat(mail.subject())
                    .isEqualTo("Your order ord_01JDSAMPLE0000000000000000 for Dedicated E-2388G is confirmed");
            assertThat(mail.text()).contains("Hostname:         sample.example.test", "Price:            91.00 EUR",
                    "Billing cycle:    Monthly", "Service reference: " + request.serviceId());
            assertThat(mail.html()).contains("<td>Debian 12 (Bookworm)</td>",
                    "<td>IPv4 addresses: 2, Monthly traffic (TB): 20 TB, Control panel: No control panel</td>");
        });
        assertThat(logItem(request.serviceId(), "initial-order").get("status").s()).isEqualTo("SENT");
    }

    @Test
    void theCredentialsMailCarriesTheSeedVariablesEscapedInHtml() {
        SQSBatchResponse response = handler.handleRequest(event(message(serverReady())), context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(mailsOf(serviceId)).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("alice@example.test");
            assertThat(mail.subject()).isEqualTo("Your server web1.example.test is ready to use");
            assertThat(mail.text()).contains("Main IP:          203.0.113.10", "Additional IPs:   203.0.113.11",
                    "Operating system: Debian 12", "Password:         " + PASSWORD);
            assertThat(mail.html()).contains("<code>Xy7&lt;pw&gt;&amp;&quot;q</code>").doesNotContain(PASSWORD);
        });
    }

    @Test
    void theSameRecordTwiceInOneBatchIsMailedOnce() {
        MailRequest request = serverReady();

        SQSBatchResponse response = handler.handleRequest(event(message(request), message(request)), context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(mailsOf(serviceId)).hasSize(1);
    }

    @Test
    void concurrentDeliveriesToTwoInstancesMailOnce() throws Exception {
        // two Lambda instances, each with its own handler, receiving copies of one request at the same moment
        SqsMailRequestHandler other = handlerSendingThrough(aws.ses());
        List<String> services = new ArrayList<>();
        List<SQSEvent.SQSMessage> redeliver = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 5; round++) {
                serviceId = "svc_" + UUID.randomUUID();
                services.add(serviceId);
                MailRequest request = serverReady();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Callable<List<SQSEvent.SQSMessage>>> deliveries = new ArrayList<>();
                for (SqsMailRequestHandler instance : List.of(handler, other)) {
                    SQSEvent.SQSMessage copy = message(request);
                    deliveries.add(() -> {
                        start.await();
                        List<String> failed = failedIds(instance.handleRequest(event(copy), context()));
                        return failed.contains(copy.getMessageId()) ? List.of(copy) : List.of();
                    });
                }
                for (Future<List<SQSEvent.SQSMessage>> delivery : pool.invokeAll(deliveries)) {
                    redeliver.addAll(delivery.get());
                }
            }
        }
        // what SQS does with a record reported failed: deliver it again
        for (SQSEvent.SQSMessage copy : redeliver) {
            assertThat(handler.handleRequest(event(copy), context()).getBatchItemFailures()).isEmpty();
        }

        for (String service : services) {
            assertThat(mailsOf(service)).as("mails of %s", service).hasSize(1);
        }
    }

    @Test
    void aFailedSendReleasesTheClaimSoTheRedeliverySends() throws Exception {
        SQSEvent.SQSMessage record = message(serverReady());
        try (SesV2Client unreachable = aws.sesClientBuilder().endpointOverride(closedPort()).build()) {
            SQSBatchResponse failed = handlerSendingThrough(unreachable).handleRequest(event(record), context());

            assertThat(failedIds(failed)).containsExactly(record.getMessageId());
        }
        assertThat(logItem(serviceId, "server-ready")).isEmpty();
        assertThat(mailsOf(serviceId)).isEmpty();

        SQSBatchResponse redelivered = handler.handleRequest(event(record), context());

        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(mailsOf(serviceId)).hasSize(1);
        assertThat(logItem(serviceId, "server-ready").get("status").s()).isEqualTo("SENT");
    }

    @Test
    void aRequestMissingARequiredVariableIsReportedFailedAndLeavesNoTrace() {
        Map<String, String> variables = new HashMap<>(serverReady().variables());
        variables.remove("rootPassword");
        SQSEvent.SQSMessage record = message(new MailRequest(serviceId, "server-ready", MailTemplate.SERVER_READY,
                List.of("alice@example.test"), variables));

        SQSBatchResponse response = handler.handleRequest(event(record), context());

        assertThat(failedIds(response)).containsExactly(record.getMessageId());
        assertThat(mailsOf(serviceId)).isEmpty();
        assertThat(logItem(serviceId, "server-ready")).isEmpty();
    }

    @Test
    void requestsQueuedByTheProducersAdapterAreMailedOnce() {
        aws.purgeQueues();
        SqsMailQueue queue = new SqsMailQueue(aws.sqs(), aws.queueUrl(Manifest.MAIL_QUEUE));
        queue.enqueue(serverReady());
        queue.enqueue(serverReady()); // the producer retried

        List<Message> received = receiveAll(2);
        SQSEvent.SQSMessage[] records = received.stream().map(m -> {
            SQSEvent.SQSMessage record = message(m.body());
            record.setMessageId(m.messageId());
            return record;
        }).toArray(SQSEvent.SQSMessage[]::new);
        SQSBatchResponse response = handler.handleRequest(event(records), context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(mailsOf(serviceId)).hasSize(1);
    }

    @Test
    void theNoArgumentConstructorBuildsTheAdaptersFromTheEnvironment() {
        Map<String, String> environment = Map.of(
                Manifest.TABLE_VARIABLE, aws.tableName(),
                Manifest.CREDENTIALS_TABLE_VARIABLE, aws.credentialsTableName(),
                Manifest.MAIL_FROM_VARIABLE, "mailer@hostwright.local",
                "AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoDbEndpoint().toString(),
                "AWS_ENDPOINT_URL_SES", aws.sesEndpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", aws.sqsEndpoint().toString(),
                "MAIL_QUEUE_URL", aws.queueUrl(Manifest.MAIL_QUEUE),
                "aws.accessKeyId", LocalAws.ACCESS_KEY_ID,
                "aws.secretAccessKey", LocalAws.SECRET_ACCESS_KEY);
        environment.forEach(System::setProperty);
        try {
            SqsMailRequestHandler fromEnvironment = new SqsMailRequestHandler();

            SQSBatchResponse response = fromEnvironment.handleRequest(event(message(serverReady())), context());

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(mailsOf(serviceId)).singleElement()
                    .satisfies(mail -> assertThat(mail.from()).isEqualTo("mailer@hostwright.local"));
            assertThat(logItem(serviceId, "server-ready").get("status").s()).isEqualTo("SENT");
        } finally {
            environment.keySet().forEach(System::clearProperty);
        }
    }

    private SqsMailRequestHandler handlerSendingThrough(SesV2Client ses) {
        return new SqsMailRequestHandler(new SendLifecycleMail(MailRenderer.fromClasspath(),
                new DynamoDbServiceSecrets(aws.dynamoDb(), aws.credentialsTableName()),
                new DynamoDbMailLog(aws.dynamoDb(), aws.tableName()),
                new SesMailSender(ses, LocalAws.MAIL_FROM, null), Clock.systemUTC()));
    }

    private MailRequest serverReady() {
        return new MailRequest(serviceId, "server-ready", MailTemplate.SERVER_READY, List.of("alice@example.test"),
                Map.of("productName", "Dedicated E3-1230", "hostname", "web1.example.test", "os", "Debian 12",
                        "mainIp", "203.0.113.10", "additionalIps", "203.0.113.11", "rootPassword", PASSWORD));
    }

    /** Every mail carries its service id in the footer. */
    private List<SentEmail> mailsOf(String service) {
        return aws.sentEmails().stream().filter(m -> m.text() != null && m.text().contains(service)).toList();
    }

    private Map<String, AttributeValue> logItem(String service, String event) {
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName())
                .key(Map.of("pk", AttributeValue.fromS("SERVICE#" + service), "sk", AttributeValue.fromS("EMAIL#" + event)))
                .consistentRead(true)).item();
    }

    private List<Message> receiveAll(int expected) {
        List<Message> all = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (all.size() < expected && System.nanoTime() < deadline) {
            all.addAll(aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(Manifest.MAIL_QUEUE))
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
        }
        assertThat(all).hasSize(expected);
        return all;
    }

    private static URI closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
