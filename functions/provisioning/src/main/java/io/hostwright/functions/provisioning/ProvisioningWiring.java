package io.hostwright.functions.provisioning;

import io.hostwright.backends.Backends;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.provisioning.ProvisioningStepRunner;
import io.hostwright.backends.tenantos.TenantOsApis;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
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

/**
 * Builds the step runner with every provisioning module and its real adapters, once per function instance. Tests
 * use {@link #runner} with their own clients and back-end API factory.
 */
public final class ProvisioningWiring {

    private ProvisioningWiring() {
    }

    static ProvisioningStepRunner runnerFromEnvironment() {
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        SqsClient sqs = SqsClients.fromEnvironment();
        return runner(dynamo, FunctionEnvironment.require(Manifest.TABLE_VARIABLE), SqsQueues.provisioning(sqs),
                SqsQueues.mail(sqs), Backends.tenantOsFromSecrets(), Backends.BACKOFF, Clock.systemUTC());
    }

    public static ProvisioningStepRunner runner(DynamoDbClient dynamo, String table, StepQueue provisioning,
                                                MailQueue mail, TenantOsApis tenantOs, Backoff backoff, Clock clock) {
        Backends backends = new Backends(dynamo, table, tenantOs, mail, backoff, clock);
        return new ProvisioningStepRunner(backends.provisioning(), new DynamoDbServiceRepository(dynamo, table),
                new DynamoDbCatalogRepository(dynamo, table), new DynamoDbStepLedger(dynamo, table), provisioning,
                mail, backoff, clock);
    }
}
