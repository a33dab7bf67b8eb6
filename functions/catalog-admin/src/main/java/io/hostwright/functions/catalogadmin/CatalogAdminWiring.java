package io.hostwright.functions.catalogadmin;

import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.catalog.admin.ManageConnections;
import io.hostwright.domain.catalog.admin.ManageProducts;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/** The staff catalog's use cases on their real adapters. Tests call {@link #of} with their own clients and back-ends. */
public record CatalogAdminWiring(ManageConnections connections, ManageProducts products) {

    static CatalogAdminWiring fromEnvironment() {
        return of(DynamoDbClients.fromEnvironment(), FunctionEnvironment.require(Manifest.TABLE_VARIABLE),
                Backends.keysFromEnvironment(), RegisteredBackends.ALL, Clock.systemUTC());
    }

    /** @param keys how a connection's credential is read, for testing the connection */
    public static CatalogAdminWiring of(DynamoDbClient dynamo, String table, ConnectionKeys keys,
                                        List<BackendFactory> factories, Clock clock) {
        BackendRegistry backends = Backends.on(dynamo, table, null, null, keys, Backends.BACKOFF, clock, factories);
        DynamoDbCatalogRepository products = new DynamoDbCatalogRepository(dynamo, table);
        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(dynamo, table);
        return new CatalogAdminWiring(
                new ManageConnections(backends, connections, connections, products,
                        new DynamoDbServiceRepository(dynamo, table)),
                new ManageProducts(backends, products, products, connections));
    }
}
