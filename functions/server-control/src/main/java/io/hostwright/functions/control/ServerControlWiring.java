package io.hostwright.functions.control;

import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.backend.RootPasswords;
import io.hostwright.domain.control.ControlServer;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.operation.OperationQueries;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.dynamodb.DynamoDbActionAnswers;
import io.hostwright.dynamodb.DynamoDbActionLocks;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/** The client functions' use cases on their real adapters. Tests call {@link #of} with their own clients. */
public record ServerControlWiring(ControlServer control, RequestOperation requests, OperationQueries queries) {

    static ServerControlWiring fromEnvironment() {
        return of(DynamoDbClients.fromEnvironment(), FunctionEnvironment.require(Manifest.TABLE_VARIABLE),
                SqsQueues.lifecycle(SqsClients.fromEnvironment()), Backends.keysFromEnvironment(),
                RegisteredBackends.ALL, Clock.systemUTC());
    }

    public static ServerControlWiring of(DynamoDbClient dynamo, String table, StepQueue lifecycle,
                                         ConnectionKeys keys, List<BackendFactory> factories, Clock clock) {
        DynamoDbServiceRepository services = new DynamoDbServiceRepository(dynamo, table);
        DynamoDbOperationRepository operations = new DynamoDbOperationRepository(dynamo, table);
        DynamoDbActionAnswers answers = new DynamoDbActionAnswers(dynamo, table);
        SortableIds ids = new SortableIds(clock);
        BackendRegistry backends = Backends.on(dynamo, table, null, null, keys, Backends.BACKOFF, clock, factories);
        return new ServerControlWiring(
                new ControlServer(services, backends, new DynamoDbActionLocks(dynamo, table), answers, ids, clock,
                        RootPasswords::generate),
                new RequestOperation(services, new DynamoDbCatalogRepository(dynamo, table), operations, answers,
                        lifecycle, backends, ids, clock),
                new OperationQueries(services, operations));
    }
}
