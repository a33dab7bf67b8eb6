package io.hostwright.functions.usagepoller;

import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
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
import java.util.List;

/** Builds polling on every registered back-end's usage source and the real adapters, once per function instance. */
public final class UsagePollerWiring {

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
        BackendRegistry backends = Backends.on(dynamo, table, null, mail, keys, Backends.BACKOFF, clock, factories);
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
