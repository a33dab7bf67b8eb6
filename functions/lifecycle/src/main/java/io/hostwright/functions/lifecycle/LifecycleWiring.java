package io.hostwright.functions.lifecycle;

import io.hostwright.backends.Backends;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.operation.OperationStepRunner;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.backends.tenantos.TenantOsApis;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
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

/** Builds the operation step runner with every lifecycle module on its real adapters, once per function instance. */
public final class LifecycleWiring {

    private LifecycleWiring() {
    }

    static OperationStepRunner runnerFromEnvironment() {
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        SqsClient sqs = SqsClients.fromEnvironment();
        return runner(dynamo, FunctionEnvironment.require(Manifest.TABLE_VARIABLE), SqsQueues.lifecycle(sqs),
                SqsQueues.mail(sqs), Backends.tenantOsFromSecrets(), Backends.BACKOFF, Clock.systemUTC());
    }

    public static OperationStepRunner runner(DynamoDbClient dynamo, String table, StepQueue lifecycle,
                                             MailQueue mail, TenantOsApis tenantOs, Backoff backoff, Clock clock) {
        Backends backends = new Backends(dynamo, table, tenantOs, mail, backoff, clock);
        return new OperationStepRunner(backends.lifecycle(), new DynamoDbServiceRepository(dynamo, table),
                new DynamoDbCatalogRepository(dynamo, table), new DynamoDbOperationRepository(dynamo, table),
                new DynamoDbStepLedger(dynamo, table), lifecycle, mail, backoff, clock);
    }
}
