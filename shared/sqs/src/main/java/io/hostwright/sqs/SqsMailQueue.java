package io.hostwright.sqs;

import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

/** The mailer's queue. */
public final class SqsMailQueue implements MailQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsMailQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(MailRequest mail) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(mail)));
    }

    /** Queues {@code mail} again, delivered after {@code delay} (whole seconds, at most SQS's 15 minutes). */
    public void enqueueAfter(MailRequest mail, Duration delay) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(mail)).delaySeconds(DelaySeconds.of(delay)));
    }
}
