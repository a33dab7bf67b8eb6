package io.hostwright.functions.lifecycle;

import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.operation.OperationStepRunner;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbStepLedger;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.List;

/** Builds the operation step runner on every registered back-end and the real adapters, once per function instance. */
public final class LifecycleWiring {

    private LifecycleWiring() {
    }

    static OperationStepRunner runnerFromEnvironment() {
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        SqsClient sqs = SqsClients.fromEnvironment();
        return runner(dynamo, FunctionEnvironment.require(Manifest.TABLE_VARIABLE),
                FunctionEnvironment.require(Manifest.CREDENTIALS_TABLE_VARIABLE), SqsQueues.lifecycle(sqs),
                SqsQueues.mail(sqs), Backends.keysFromEnvironment(), RegisteredBackends.ALL, Backends.BACKOFF,
                Clock.systemUTC());
    }

    public static OperationStepRunner runner(DynamoDbClient dynamo, String table, String credentialsTable,
                                             StepQueue lifecycle,
                                             MailQueue mail, ConnectionKeys keys, List<BackendFactory> factories,
                                             Backoff backoff, Clock clock) {
        BackendRegistry backends = Backends.on(dynamo, table, credentialsTable, mail, keys, backoff, clock, factories);
        return new OperationStepRunner(backends, Backends.secrets(dynamo, credentialsTable),
                new DynamoDbServiceRepository(dynamo, table), new DynamoDbOperationRepository(dynamo, table),
                new DynamoDbStepLedger(dynamo, table), lifecycle, mail, backoff, clock,
                Backends.releaseLicence(dynamo, table, credentialsTable, backends, clock));
    }
}
