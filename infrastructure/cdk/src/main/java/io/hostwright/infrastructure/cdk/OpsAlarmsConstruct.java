package io.hostwright.infrastructure.cdk;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.Map;

/** The ops topic and an alarm per dead-letter queue: any message there is work that failed and waits for a redrive. */
public final class OpsAlarmsConstruct extends Construct {

    private final Topic topic;

    public OpsAlarmsConstruct(Construct scope, String id, String opsEmail) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Topic")
                .displayName("Hostwright ops alarms")
                .enforceSsl(true)
                .build();
        if (opsEmail != null) {
            topic.addSubscription(new EmailSubscription(opsEmail));
        }
    }

    /** @param deadLetterQueues by the name alarms and ops see, e.g. {@code mail-dlq} */
    public void alarmOnMessages(Map<String, ? extends IQueue> deadLetterQueues) {
        deadLetterQueues.forEach((name, queue) -> {
            Alarm alarm = Alarm.Builder.create(this, ConstructIds.pascal(name) + "NotEmpty")
                    .alarmDescription("Messages in " + name + ": they failed every retry. Read the consumer's logs,"
                            + " fix the cause, then redrive the dead-letter queue to its source.")
                    .metric(queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                            .period(Duration.minutes(1))
                            .statistic("Maximum")
                            .build()))
                    .threshold(0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            alarm.addAlarmAction(new SnsAction(topic));
            alarm.addOkAction(new SnsAction(topic));
        });
    }

    public Topic topic() {
        return topic;
    }
}
