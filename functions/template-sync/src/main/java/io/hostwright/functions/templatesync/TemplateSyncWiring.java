package io.hostwright.functions.templatesync;

import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.template.CatalogAlerts;
import io.hostwright.domain.template.SyncTemplates;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbStockLevels;
import io.hostwright.dynamodb.DynamoDbSyncRuns;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/** Builds the sync on every registered back-end and the real adapters, once per function instance. */
public final class TemplateSyncWiring {

    private TemplateSyncWiring() {
    }

    static SyncTemplates fromEnvironment() {
        return sync(DynamoDbClients.fromEnvironment(), FunctionEnvironment.require(Manifest.TABLE_VARIABLE),
                SqsQueues.mail(SqsClients.fromEnvironment()), Backends.keysFromEnvironment(), RegisteredBackends.ALL,
                Clock.systemUTC());
    }

    public static SyncTemplates sync(DynamoDbClient dynamo, String table, MailQueue mail, ConnectionKeys keys,
                                     List<BackendFactory> factories, Clock clock) {
        BackendRegistry backends = Backends.on(dynamo, table, null, mail, keys, Backends.BACKOFF, clock, factories);
        return new SyncTemplates(backends, new DynamoDbConnectionRepository(dynamo, table),
                new DynamoDbCatalogRepository(dynamo, table), new DynamoDbConnectionTemplates(dynamo, table),
                new DynamoDbSyncRuns(dynamo, table), new DynamoDbStockLevels(dynamo, table),
                new DynamoDbServiceRepository(dynamo, table), new CatalogAlerts(mail), clock);
    }
}
