package io.hostwright.functions.syncschedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.template.ScheduleSyncs;
import io.hostwright.domain.template.SyncRequest;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
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
import java.util.List;

/**
 * EventBridge hourly schedule → {@link ScheduleSyncs}: one sync message per connection. It never calls a back-end;
 * the syncs run apart, one connection each. A failure to queue fails the invocation, so EventBridge retries.
 */
public final class ScheduledTemplateSyncHandler implements RequestHandler<ScheduledEvent, Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledTemplateSyncHandler.class);

    private final ScheduleSyncs schedule;
    private final Telemetry telemetry;

    public ScheduledTemplateSyncHandler() {
        this(wired());
    }

    public ScheduledTemplateSyncHandler(ScheduleSyncs schedule) {
        this.schedule = schedule;
        this.telemetry = new Telemetry();
    }

    private static ScheduleSyncs wired() {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        String table = FunctionEnvironment.require(Manifest.TABLE_VARIABLE);
        // the registry only says which back-ends sync: no back-end is called, no credential read
        return new ScheduleSyncs(Backends.on(dynamo, table, null, null,
                secretRef -> { throw new IllegalStateException("the schedule reads no credential"); },
                Backends.BACKOFF, clock, RegisteredBackends.ALL),
                new DynamoDbConnectionRepository(dynamo, table), SqsQueues.syncRequests(SqsClients.fromEnvironment()),
                new SortableIds(clock));
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            List<SyncRequest> queued = schedule.run();
            telemetry.metrics().addMetric("TemplateSyncsQueued", queued.size(), MetricUnit.COUNT);
            LOG.info("queued the sync of {} connections", queued.size());
            return queued.size();
        });
    }
}
