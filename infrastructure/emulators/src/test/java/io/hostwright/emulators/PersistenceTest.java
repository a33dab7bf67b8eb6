package io.hostwright.emulators;

import io.hostwright.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A second start on the same data directory holds what the first one was given: items, messages, mail. */
class PersistenceTest {

    private static final Map<String, AttributeValue> ITEM = Map.of(
            "pk", AttributeValue.fromS("SERVICE#kept"), "sk", AttributeValue.fromS("META"),
            "status", AttributeValue.fromS("ACTIVE"));

    @Test
    void aRestartOnTheSameDirectoryKeepsItemsMessagesInFlightMessagesAndMail(@TempDir Path data) {
        String inFlightId;
        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE, data)) {
            assertThat(aws.dataDirectory()).contains(data.toAbsolutePath());
            aws.dynamoDb().putItem(p -> p.tableName(aws.tableName()).item(ITEM));
            String queue = aws.queueUrl(Manifest.QUEUES.getFirst().name());
            aws.sqs().sendMessage(s -> s.queueUrl(queue).messageBody("first"));
            aws.sqs().sendMessage(s -> s.queueUrl(queue).messageBody("second"));
            Message received = aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(1)
                    .visibilityTimeout(1)).messages().getFirst();
            inFlightId = received.messageId();
            sendMail(aws, "kept across restarts");
        }

        assertThat(data.resolve(LocalAws.DYNAMODB_DIRECTORY)).isDirectoryContaining("glob:**.db");
        assertThat(data.resolve(LocalAws.SQS_DIRECTORY)).isDirectoryContaining("glob:**.mv.db");
        assertThat(data.resolve(LocalAws.SES_STORE)).isRegularFile();

        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE, data)) {
            assertThat(aws.dynamoDb().getItem(g -> g.tableName(aws.tableName())
                    .key(Map.of("pk", ITEM.get("pk"), "sk", ITEM.get("sk")))).item()).isEqualTo(ITEM);
            String queue = aws.queueUrl(Manifest.QUEUES.getFirst().name());
            assertThat(aws.sqs().getQueueAttributes(g -> g.queueUrl(queue)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes().values().stream().mapToInt(Integer::parseInt).sum()).isEqualTo(2);
            List<Message> all = receiveAll(aws, queue, 2);
            assertThat(all).extracting(Message::body).containsExactlyInAnyOrder("first", "second");
            assertThat(all).filteredOn(m -> m.messageId().equals(inFlightId)).singleElement()
                    .satisfies(m -> assertThat(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                            .as("received once before the restart, once after").isEqualTo("2"));
            assertThat(aws.sentEmails()).extracting(SentEmail::subject).containsExactly("kept across restarts");

            sendMail(aws, "after the restart");
            aws.clearEmails();
            sendMail(aws, "after clearing");
        }

        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE, data)) {
            assertThat(aws.sentEmails()).extracting(SentEmail::subject).containsExactly("after clearing");
        }
    }

    @Test
    void aJournalLineCutShortByAKillIsSkipped(@TempDir Path data) throws Exception {
        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE, data)) {
            sendMail(aws, "whole");
        }
        Files.writeString(data.resolve(LocalAws.SES_STORE), "{\"email\":{\"messageId\":\"torn",
                java.nio.file.StandardOpenOption.APPEND);

        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE, data)) {
            assertThat(aws.sentEmails()).extracting(SentEmail::subject).containsExactly("whole");
        }
    }

    @Test
    void whatTheLastRunHadReceivedIsVisibleAtOnceAfterARestartAndADelayedMessageKeepsItsDelay(@TempDir Path data) {
        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE, data)) {
            String queue = aws.queueUrl(Manifest.QUEUES.getFirst().name());
            aws.sqs().sendMessage(s -> s.queueUrl(queue).messageBody("being handled"));
            aws.sqs().sendMessage(s -> s.queueUrl(queue).messageBody("retried in 15 minutes").delaySeconds(900));
            assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(600)).messages()).extracting(Message::body).containsExactly("being handled");
            assertThat(aws.messagesReleasedAtStart()).isZero();
        }

        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE, data)) {
            assertThat(aws.messagesReleasedAtStart()).isEqualTo(1);
            String queue = aws.queueUrl(Manifest.QUEUES.getFirst().name());
            List<Message> visible = aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(2).visibilityTimeout(600)).messages();
            assertThat(visible).as("not after the 10-minute visibility timeout: at once")
                    .extracting(Message::body).containsExactly("being handled");
            assertThat(aws.sqs().getQueueAttributes(g -> g.queueUrl(queue)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).isEqualTo("1");
        }
    }

    @Test
    void inMemoryLeavesNothingBehind() {
        try (LocalAws aws = LocalAws.start(LocalAws.Ports.ANY_FREE)) {
            assertThat(aws.dataDirectory()).isEmpty();
            assertThat(aws.sesEmulator().storeFile()).isEmpty();
        }
    }

    private static List<Message> receiveAll(LocalAws aws, String queue, int expected) {
        List<Message> all = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (all.size() < expected && System.nanoTime() < deadline) {
            all.addAll(aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages());
        }
        return all;
    }

    private static void sendMail(LocalAws aws, String subject) {
        aws.ses().sendEmail(send -> send
                .fromEmailAddress(aws.resourceNames().mailFrom())
                .destination(d -> d.toAddresses("customer@example.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data(subject))
                        .body(b -> b.text(t -> t.data("body"))))));
    }
}
