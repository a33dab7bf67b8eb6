package io.hostwright.functions.usageplanner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.usage.PlanUsagePolls;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.lambda.telemetry.Telemetry;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Clock;

/**
 * EventBridge every five minutes → {@link PlanUsagePolls}: one cycle's polling messages, in lanes per connection. It
 * calls no back-end. A failure to queue fails the invocation, so EventBridge retries (a repeat queues nothing twice).
 */
public final class ScheduledUsagePlannerHandler implements RequestHandler<ScheduledEvent, PlanUsagePolls.Plan> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledUsagePlannerHandler.class);

    private final PlanUsagePolls plan;
    private final Telemetry telemetry;

    public ScheduledUsagePlannerHandler() {
        this(wired());
    }

    public ScheduledUsagePlannerHandler(PlanUsagePolls plan) {
        this.plan = plan;
        this.telemetry = new Telemetry();
    }

    private static PlanUsagePolls wired() {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        String table = FunctionEnvironment.require(Manifest.TABLE_VARIABLE);
        // the registry only says which back-ends have a usage source and how many readers each allows
        return new PlanUsagePolls(Backends.on(dynamo, table, null, null,
                secretRef -> { throw new IllegalStateException("the planner reads no credential"); },
                Backends.BACKOFF, clock, RegisteredBackends.ALL),
                new DynamoDbConnectionRepository(dynamo, table), new DynamoDbServiceRepository(dynamo, table),
                SqsQueues.usagePolls(SqsClients.fromEnvironment()), clock);
    }

    @Override
    public PlanUsagePolls.Plan handleRequest(ScheduledEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            PlanUsagePolls.Plan planned = plan.run();
            telemetry.metrics().addMetric("UsageServicesPlanned", planned.services(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("UsageMessagesQueued", planned.messages(), MetricUnit.COUNT);
            LOG.info("cycle {}: {} services of {} connections in {} messages", planned.cycle(), planned.services(),
                    planned.connections(), planned.messages());
            return planned;
        });
    }
}
