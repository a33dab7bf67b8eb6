package io.hostwright.functions.usagepoller;

import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.catalog.RecentConnections;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.usage.PollUsage;
import io.hostwright.domain.usage.PollUsageBatch;
import io.hostwright.domain.usage.RequestedOveruseActions;
import io.hostwright.dynamodb.DynamoDbActionAnswers;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbUsageLedger;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Builds polling on every registered back-end's usage source and the real adapters, once per function instance. */
public final class UsagePollerWiring {

    /** How old a connection read for an earlier service may be: a staff edit reaches polling within it. */
    static final Duration CONNECTION_MAX_AGE = Duration.ofMinutes(1);

    private UsagePollerWiring() {
    }

    static PollUsageBatch fromEnvironment() {
        SqsClient sqs = SqsClients.fromEnvironment();
        return batch(DynamoDbClients.fromEnvironment(), FunctionEnvironment.require(Manifest.TABLE_VARIABLE),
                SqsQueues.mail(sqs), SqsQueues.lifecycle(sqs), Backends.keysFromEnvironment(), RegisteredBackends.ALL,
                Clock.systemUTC());
    }

    public static PollUsageBatch batch(DynamoDbClient dynamo, String table, MailQueue mail, StepQueue lifecycle,
                                       ConnectionKeys keys, List<BackendFactory> factories, Clock clock) {
        // every service of a message is on one connection: read it once a minute, not once per service
        BackendContext context = Backends.context(dynamo, table, null, mail, keys, Backends.BACKOFF, clock);
        BackendRegistry backends = BackendRegistry.of(factories, context.withConnections(
                new RecentConnections(context.connections(), clock, CONNECTION_MAX_AGE)));
        DynamoDbServiceRepository services = new DynamoDbServiceRepository(dynamo, table);
        DynamoDbOperationRepository operations = new DynamoDbOperationRepository(dynamo, table);
        RequestOperation requests = new RequestOperation(services, new DynamoDbCatalogRepository(dynamo, table),
                operations, new DynamoDbActionAnswers(dynamo, table), lifecycle, backends, new SortableIds(clock),
                clock);
        return new PollUsageBatch(services, new PollUsage(backends,
                new DynamoDbUsageLedger(dynamo, table, Manifest.USAGE_SAMPLE_RETENTION), mail,
                new RequestedOveruseActions(requests, operations), clock));
    }
}
