package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.Trigger;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.time.Duration;
import java.util.List;

/**
 * An EventBridge rule per scheduled function, and one per function of events (an event pattern on the default bus).
 * Invocations EventBridge cannot deliver after its retries land in one dead-letter queue, alarmed like the work
 * queues' ones.
 */
public final class SchedulesConstruct extends Construct {

    private final Queue deadLetterQueue;

    public SchedulesConstruct(Construct scope, String id, StackDefinition definition, FunctionsConstruct functions) {
        super(scope, id);
        deadLetterQueue = Queue.Builder.create(this, "TargetDeadLetterQueue")
                .retentionPeriod(CdkDurations.of(Duration.ofDays(14)))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        AcceptedNagFindings.queueIsItselfADeadLetterQueue(deadLetterQueue);
        for (FunctionSpec spec : definition.functions()) {
            if (spec.trigger() instanceof Trigger.Schedule schedule) {
                Rule.Builder.create(this, ConstructIds.pascal(spec.name()))
                        .description(schedule.description())
                        .schedule(Schedule.expression(schedule.expression()))
                        .targets(List.of(target(functions, spec)))
                        .build();
            } else if (spec.trigger() instanceof Trigger.Events events) {
                Rule.Builder.create(this, ConstructIds.pascal(spec.name()))
                        .description(events.description())
                        .eventPattern(EventPattern.builder()
                                .source(List.of(events.source()))
                                .detailType(events.detailTypes())
                                .build())
                        .targets(List.of(target(functions, spec)))
                        .build();
            }
        }
    }

    private LambdaFunction target(FunctionsConstruct functions, FunctionSpec spec) {
        return LambdaFunction.Builder.create(functions.function(spec.name()))
                .retryAttempts(2)
                .maxEventAge(CdkDurations.of(Duration.ofHours(1)))
                .deadLetterQueue(deadLetterQueue)
                .build();
    }

    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }
}
