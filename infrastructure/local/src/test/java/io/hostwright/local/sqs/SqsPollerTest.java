package io.hostwright.local.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.local.Eventually;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.TableAccess;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller against ElasticMQ, on queues of its own with a one-second visibility timeout and a redrive policy of
 * three receives, so redelivery and dead-lettering happen in seconds.
 */
@ExtendWith(LocalAwsExtension.class)
class SqsPollerTest {

    private static final int MAX_RECEIVE_COUNT = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final List<SQSEvent.SQSMessage> deliveries = new CopyOnWriteArrayList<>();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private SqsPoller poller;

    @AfterEach
    void stopPolling() {
        if (poller != null) {
            poller.close();
        }
    }

    @Test
    void deletesTheBatchButRedeliversTheReportedFailure(LocalAws aws) {
        TestQueue queue = TestQueue.create(aws);
        poll(aws, queue, (event, failures) -> {
            event.getRecords().stream()
                    .filter(r -> r.getBody().equals("fail-once") && r.getAttributes().get("ApproximateReceiveCount").equals("1"))
                    .forEach(r -> failures.add(r.getMessageId()));
            return null;
        });

        aws.sqs().sendMessage(s -> s.queueUrl(queue.url).messageBody("ok-1")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("test").build())));
        aws.sqs().sendMessage(s -> s.queueUrl(queue.url).messageBody("ok-2"));
        aws.sqs().sendMessage(s -> s.queueUrl(queue.url).messageBody("fail-once"));

        Eventually.await("fail-once redelivered", PATIENCE, () -> receiveCounts("fail-once").contains("2"));
        Eventually.await("the queue drained", PATIENCE, () -> queue.messagesLeft(aws) == 0);
        assertThat(receiveCounts("ok-1")).containsExactly("1");
        assertThat(receiveCounts("ok-2")).containsExactly("1");
        assertThat(receiveCounts("fail-once")).containsExactly("1", "2");

        SQSEvent.SQSMessage record = deliveries.stream().filter(r -> r.getBody().equals("ok-1")).findFirst().orElseThrow();
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:eu-west-1:000000000000:" + queue.name);
        assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getAttributes()).containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
        assertThat(record.getMessageAttributes().get("kind").getStringValue()).isEqualTo("test");
    }

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueue(LocalAws aws) {
        TestQueue queue = TestQueue.create(aws);
        poll(aws, queue, (event, failures) -> {
            event.getRecords().stream().filter(r -> r.getBody().equals("poison")).forEach(r -> failures.add(r.getMessageId()));
            return null;
        });

        aws.sqs().sendMessage(s -> s.queueUrl(queue.url).messageBody("poison"));
        aws.sqs().sendMessage(s -> s.queueUrl(queue.url).messageBody("fine"));

        List<Message> deadLetters = new ArrayList<>();
        Eventually.await("poison in the dead-letter queue", PATIENCE, () -> {
            deadLetters.addAll(aws.sqs().receiveMessage(r -> r.queueUrl(queue.deadLetterUrl).maxNumberOfMessages(10)).messages());
            return !deadLetters.isEmpty();
        });
        assertThat(deadLetters).extracting(Message::body).containsExactly("poison");
        assertThat(receiveCounts("poison")).hasSize(MAX_RECEIVE_COUNT);
        assertThat(receiveCounts("fine")).containsExactly("1");
    }

    @Test
    void aFailedInvocationDeletesNothing(LocalAws aws) {
        TestQueue queue = TestQueue.create(aws);
        poll(aws, queue, (event, failures) -> {
            boolean firstTry = event.getRecords().stream()
                    .anyMatch(r -> r.getBody().equals("throws") && r.getAttributes().get("ApproximateReceiveCount").equals("1"));
            if (firstTry) {
                throw new IllegalStateException("the whole invocation fails");
            }
            return null;
        });

        aws.sqs().sendMessage(s -> s.queueUrl(queue.url).messageBody("throws"));

        Eventually.await("the thrown batch redelivered", PATIENCE, () -> receiveCounts("throws").contains("2"));
        Eventually.await("the queue drained", PATIENCE, () -> queue.messagesLeft(aws) == 0);
        List<String> thrownBatch = batches.stream().filter(b -> b.contains("throws")).findFirst().orElseThrow();
        thrownBatch.forEach(body -> assertThat(receiveCounts(body)).as(body + " deleted only after a later success").hasSizeGreaterThan(1));
    }

    @Test
    void stopsPollingWhenClosed(LocalAws aws) {
        TestQueue queue = TestQueue.create(aws);
        poll(aws, queue, (event, failures) -> null);
        poller.close();

        aws.sqs().sendMessage(s -> s.queueUrl(queue.url).messageBody("after close"));

        assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(queue.url).waitTimeSeconds(1)).messages())
                .extracting(Message::body).containsExactly("after close");
        assertThat(deliveries).isEmpty();
    }

    private void poll(LocalAws aws, TestQueue queue, BiFunction<SQSEvent, List<String>, Void> behaviour) {
        FunctionSpec spec = new FunctionSpec("queue-test", "test consumer", "test.Handler", 256, Duration.ofSeconds(5),
                new Trigger.Queue(queue.name, 10, Duration.ZERO, 2), TableAccess.NONE, Set.of(), false, Map.of());
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (SQSEvent event, Context context) -> {
            deliveries.addAll(event.getRecords());
            batches.add(event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList());
            List<String> failures = new ArrayList<>();
            behaviour.apply(event, failures);
            return new SQSBatchResponse(failures.stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
        };
        poller = new SqsPoller(LocalFunction.start(spec, s -> handler, LocalAws.REGION), aws.sqs(), queue.url,
                LocalAws.REGION).start();
    }

    private List<String> receiveCounts(String body) {
        return deliveries.stream().filter(r -> r.getBody().equals(body))
                .map(r -> r.getAttributes().get("ApproximateReceiveCount")).toList();
    }

    private record TestQueue(String name, String url, String deadLetterUrl) {

        static TestQueue create(LocalAws aws) {
            String name = "poller-test-" + UUID.randomUUID().toString().substring(0, 8);
            String deadLetterUrl = aws.sqs().createQueue(c -> c.queueName(name + "-dlq")).queueUrl();
            String deadLetterArn = aws.sqs().getQueueAttributes(g -> g.queueUrl(deadLetterUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            String url = aws.sqs().createQueue(c -> c.queueName(name).attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
                            + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}"))).queueUrl();
            return new TestQueue(name, url, deadLetterUrl);
        }

        int messagesLeft(LocalAws aws) {
            Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(g -> g.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        }
    }
}
