package io.hostwright.functions.control;

import io.hostwright.backends.Backends;
import io.hostwright.domain.control.ControlServer;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.operation.OperationQueries;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.backends.tenantos.RootPasswords;
import io.hostwright.backends.tenantos.TenantOsApis;
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

/** The client functions' use cases on their real adapters. Tests call {@link #of} with their own clients. */
public record ServerControlWiring(ControlServer control, RequestOperation requests, OperationQueries queries) {

    static ServerControlWiring fromEnvironment() {
        return of(DynamoDbClients.fromEnvironment(), FunctionEnvironment.require(Manifest.TABLE_VARIABLE),
                SqsQueues.lifecycle(SqsClients.fromEnvironment()), Backends.tenantOsFromSecrets(), Clock.systemUTC());
    }

    public static ServerControlWiring of(DynamoDbClient dynamo, String table, StepQueue lifecycle,
                                         TenantOsApis tenantOs, Clock clock) {
        DynamoDbServiceRepository services = new DynamoDbServiceRepository(dynamo, table);
        DynamoDbOperationRepository operations = new DynamoDbOperationRepository(dynamo, table);
        DynamoDbActionAnswers answers = new DynamoDbActionAnswers(dynamo, table);
        SortableIds ids = new SortableIds(clock);
        Backends backends = new Backends(dynamo, table, tenantOs, null, Backends.BACKOFF, clock);
        return new ServerControlWiring(
                new ControlServer(services, backends.serverControls(), new DynamoDbActionLocks(dynamo, table),
                        answers, ids, clock, RootPasswords::generate),
                new RequestOperation(services, new DynamoDbCatalogRepository(dynamo, table), operations, answers,
                        lifecycle, Backends.lifecycleModules(), ids, clock),
                new OperationQueries(services, operations));
    }
}
