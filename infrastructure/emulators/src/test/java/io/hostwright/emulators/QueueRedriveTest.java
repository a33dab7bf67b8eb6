package io.hostwright.emulators;

import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.QueueSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalAwsExtension.class)
class QueueRedriveTest {

    private static final QueueSpec QUEUE = Manifest.queue(Manifest.PROVISIONING_QUEUE);

    @BeforeEach
    void emptyQueues(LocalAws aws) {
        aws.purgeQueues();
    }

    @Test
    void movesAMessageToTheDeadLetterQueueAfterMaxReceiveCountFailedDeliveries(LocalAws aws) {
        String body = "step-" + UUID.randomUUID();
        aws.sqs().sendMessage(s -> s.queueUrl(aws.queueUrl(QUEUE.name())).messageBody(body));

        int deliveries = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Message> deadLetters = List.of();
        while (deadLetters.isEmpty() && System.nanoTime() < deadline) {
            // a visibility timeout of zero returns the message at once, as if each delivery had failed
            deliveries += (int) receive(aws, aws.queueUrl(QUEUE.name()), 0).stream()
                    .filter(m -> m.body().equals(body)).count();
            deadLetters = receive(aws, aws.deadLetterQueueUrl(QUEUE.name()), 30).stream()
                    .filter(m -> m.body().equals(body)).toList();
        }

        assertThat(deadLetters).as("message on the dead-letter queue").hasSize(1);
        assertThat(deliveries).isEqualTo(QUEUE.maxReceiveCount());
        assertThat(receive(aws, aws.queueUrl(QUEUE.name()), 0)).isEmpty();
    }

    @Test
    void purgeRemovesMessagesInFlightToo(LocalAws aws) {
        String url = aws.queueUrl(Manifest.MAIL_QUEUE);
        aws.sqs().sendMessage(s -> s.queueUrl(url).messageBody("in flight"));
        aws.sqs().sendMessage(s -> s.queueUrl(url).messageBody("waiting"));
        assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).visibilityTimeout(1))
                .messages()).hasSize(1);

        aws.purgeQueues();

        // a marker taken in flight the same way after the purge: once it is back, so would the purged one be
        aws.sqs().sendMessage(s -> s.queueUrl(url).messageBody("marker"));
        assertThat(receive(aws, url, 1)).extracting(Message::body).containsExactly("marker");
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!seen.contains("marker") && System.nanoTime() < deadline) {
            aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(30)
                    .waitTimeSeconds(1)).messages().forEach(m -> seen.add(m.body()));
        }
        assertThat(seen).as("what came back after the visibility timeout").containsExactly("marker");
    }

    private static List<Message> receive(LocalAws aws, String url, int visibilityTimeoutSeconds) {
        return aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .visibilityTimeout(visibilityTimeoutSeconds)).messages();
    }
}
