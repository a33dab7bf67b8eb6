package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.QueueSpec;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every work queue of the definition, each with its own dead-letter queue for ops to redrive from. */
public final class QueuesConstruct extends Construct {

    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();

    public QueuesConstruct(Construct scope, String id, StackDefinition definition) {
        super(scope, id);
        for (QueueSpec spec : definition.queues()) {
            String name = ConstructIds.pascal(spec.name());
            Queue deadLetters = Queue.Builder.create(this, name + "DeadLetterQueue")
                    .fifo(spec.fifo() ? true : null)
                    .retentionPeriod(CdkDurations.of(java.time.Duration.ofDays(14)))
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            Queue queue = Queue.Builder.create(this, name + "Queue")
                    .fifo(spec.fifo() ? true : null)
                    .visibilityTimeout(CdkDurations.of(definition.visibilityTimeout(spec.name())))
                    .retentionPeriod(CdkDurations.of(spec.retention()))
                    .deadLetterQueue(DeadLetterQueue.builder()
                            .queue(deadLetters)
                            .maxReceiveCount(spec.maxReceiveCount())
                            .build())
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .build();
            queues.put(spec.name(), queue);
            deadLetterQueues.put(spec.deadLetterName(), deadLetters);
        }
    }

    public Queue queue(String name) {
        Queue queue = queues.get(name);
        if (queue == null) {
            throw new IllegalArgumentException("no queue named " + name);
        }
        return queue;
    }

    /** Dead-letter queues by their manifest name ({@link QueueSpec#deadLetterName()}). */
    public Map<String, Queue> deadLetterQueues() {
        return Collections.unmodifiableMap(deadLetterQueues);
    }
}
