package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Trigger;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;

/** Connects each queue-triggered function to its queue (the mappings live under the function). */
final class QueueTriggers {

    private QueueTriggers() {
    }

    static void connect(StackDefinition definition, FunctionsConstruct functions, QueuesConstruct queues) {
        for (FunctionSpec spec : definition.functions()) {
            if (spec.trigger() instanceof Trigger.Queue trigger) {
                SqsEventSourceProps.Builder props = SqsEventSourceProps.builder()
                        .batchSize(trigger.batchSize())
                        .maxConcurrency(trigger.maxConcurrency())
                        // handlers answer with SQSBatchResponse; without this Lambda ignores it and retries the batch
                        .reportBatchItemFailures(true);
                if (!trigger.maxBatchingWindow().isZero()) {
                    props.maxBatchingWindow(CdkDurations.of(trigger.maxBatchingWindow()));
                }
                functions.function(spec.name())
                        .addEventSource(new SqsEventSource(queues.queue(trigger.queue()), props.build()));
            }
        }
    }
}
