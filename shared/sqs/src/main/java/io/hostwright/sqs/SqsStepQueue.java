package io.hostwright.sqs;

import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

/** The provisioning queue; a delay (SQS allows up to 15 minutes) is how a step waits without failing. */
public final class SqsStepQueue implements StepQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsStepQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(StepMessage request, Duration delay) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(request))
                .delaySeconds(DelaySeconds.of(delay)));
    }
}
