package io.hostwright.functions.provisioning;

import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.provisioning.ProvisioningStepRunner;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.dynamodb.DynamoDbClients;
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

/**
 * Builds the step runner on every registered back-end and the real adapters, once per function instance. Tests use
 * {@link #runner} with their own clients and back-ends.
 */
public final class ProvisioningWiring {

    private ProvisioningWiring() {
    }

    static ProvisioningStepRunner runnerFromEnvironment() {
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        SqsClient sqs = SqsClients.fromEnvironment();
        return runner(dynamo, FunctionEnvironment.require(Manifest.TABLE_VARIABLE),
                FunctionEnvironment.require(Manifest.CREDENTIALS_TABLE_VARIABLE), SqsQueues.provisioning(sqs),
                SqsQueues.mail(sqs), Backends.keysFromEnvironment(), RegisteredBackends.ALL, Backends.BACKOFF,
                Clock.systemUTC());
    }

    public static ProvisioningStepRunner runner(DynamoDbClient dynamo, String table, String credentialsTable,
                                                StepQueue provisioning,
                                                MailQueue mail, ConnectionKeys keys, List<BackendFactory> factories,
                                                Backoff backoff, Clock clock) {
        BackendRegistry backends = Backends.on(dynamo, table, credentialsTable, mail, keys, backoff, clock, factories);
        return new ProvisioningStepRunner(backends,
                Backends.attachLicence(dynamo, table, credentialsTable, backends, clock),
                new DynamoDbServiceRepository(dynamo, table), new DynamoDbStepLedger(dynamo, table), provisioning,
                mail, backoff, clock);
    }
}
