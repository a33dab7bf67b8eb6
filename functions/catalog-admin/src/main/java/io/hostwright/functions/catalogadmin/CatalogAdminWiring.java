package io.hostwright.functions.catalogadmin;

import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.catalog.admin.ManageConnections;
import io.hostwright.domain.catalog.admin.ManageProducts;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.template.ManageTemplates;
import io.hostwright.domain.template.SyncRequests;
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

/** The staff catalog's use cases on their real adapters. Tests call {@link #of} with their own clients and back-ends. */
public record CatalogAdminWiring(ManageConnections connections, ManageProducts products, ManageTemplates templates) {

    static CatalogAdminWiring fromEnvironment() {
        return of(DynamoDbClients.fromEnvironment(), FunctionEnvironment.require(Manifest.TABLE_VARIABLE),
                Backends.keysFromEnvironment(), RegisteredBackends.ALL,
                SqsQueues.syncRequests(SqsClients.fromEnvironment()),
                Clock.systemUTC());
    }

    /**
     * @param keys  how a connection's credential is read, for testing the connection
     * @param syncs where a sync staff ask for is queued
     */
    public static CatalogAdminWiring of(DynamoDbClient dynamo, String table, ConnectionKeys keys,
                                        List<BackendFactory> factories, SyncRequests syncs, Clock clock) {
        BackendRegistry backends = Backends.on(dynamo, table, null, null, keys, Backends.BACKOFF, clock, factories);
        DynamoDbCatalogRepository products = new DynamoDbCatalogRepository(dynamo, table);
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(dynamo, table);
        DynamoDbConnectionTemplates templates = new DynamoDbConnectionTemplates(dynamo, table);
        DynamoDbSyncRuns runs = new DynamoDbSyncRuns(dynamo, table);
        return new CatalogAdminWiring(
                new ManageConnections(backends, connections, connections, products,
                        new DynamoDbServiceRepository(dynamo, table), templates, runs),
                new ManageProducts(backends, products, products, connections, templates,
                        new DynamoDbStockLevels(dynamo, table)),
                new ManageTemplates(backends, connections, templates, runs, syncs, new SortableIds(clock), clock));
    }
}
