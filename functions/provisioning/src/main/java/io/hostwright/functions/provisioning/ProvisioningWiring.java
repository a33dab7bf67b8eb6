package io.hostwright.functions.provisioning;

import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.provisioning.Backoff;
import io.hostwright.domain.provisioning.ProvisioningQueue;
import io.hostwright.domain.provisioning.ProvisioningStepRunner;
import io.hostwright.domain.tenantos.TenantOsApis;
import io.hostwright.domain.tenantos.TenantOsProvisioning;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbServerClaims;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbServiceSecrets;
import io.hostwright.dynamodb.DynamoDbStepLedger;
import io.hostwright.dynamodb.DynamoDbTenantOsCatalog;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.secrets.SchemeSecretResolver;
import io.hostwright.sqs.SqsQueues;
import io.hostwright.tenantos.HttpTenantOsApis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds the step runner with every provisioning module and its real adapters, once per function instance. Tests
 * use {@link #runner} with their own clients and back-end API factory.
 */
public final class ProvisioningWiring {

    /** Backoff of transient back-end failures: 5 s, 10 s, 20 s… capped at 5 minutes, with jitter. */
    public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    private ProvisioningWiring() {
    }

    static ProvisioningStepRunner runnerFromEnvironment() {
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        SqsClient sqs = SqsClients.fromEnvironment();
        return runner(dynamo, FunctionEnvironment.require(Manifest.TABLE_VARIABLE), SqsQueues.provisioning(sqs),
                SqsQueues.mail(sqs), new HttpTenantOsApis(TenantOsKeys.from(new SchemeSecretResolver())), BACKOFF,
                Clock.systemUTC());
    }

    public static ProvisioningStepRunner runner(DynamoDbClient dynamo, String table, ProvisioningQueue provisioning,
                                                MailQueue mail, TenantOsApis tenantOs, Backoff backoff, Clock clock) {
        DynamoDbCatalogRepository products = new DynamoDbCatalogRepository(dynamo, table);
        TenantOsProvisioning tenantOsModule = new TenantOsProvisioning(products,
                new DynamoDbTenantOsCatalog(dynamo, table), tenantOs, new DynamoDbServerClaims(dynamo, table),
                new DynamoDbModuleState(dynamo, table), new DynamoDbServiceSecrets(dynamo, table), mail, backoff, clock);
        return new ProvisioningStepRunner(List.of(tenantOsModule), new DynamoDbServiceRepository(dynamo, table),
                products, new DynamoDbStepLedger(dynamo, table), provisioning, mail, backoff, clock);
    }
}
