package io.hostwright.backends;

import io.hostwright.domain.backend.BackendContext;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.backend.ServiceSecrets;
import io.hostwright.domain.licence.AttachLicence;
import io.hostwright.domain.licence.LicenceConnections;
import io.hostwright.domain.licence.LicencePoolView;
import io.hostwright.domain.licence.LicencePorts;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.ReleaseLicence;
import io.hostwright.domain.licence.RenewLicences;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.step.Backoff;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbConnectionRepository;
import io.hostwright.dynamodb.DynamoDbConnectionTemplates;
import io.hostwright.dynamodb.DynamoDbLicencePool;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbServerClaims;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbServiceSecrets;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import io.hostwright.secrets.SchemeSecretResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Every registered back-end built on the real adapters: what provisioning, the lifecycle and the client functions
 * run. One place, so the functions (and the laptop runtime) cannot wire a back-end differently.
 */
public final class Backends {

    /** Backoff of transient back-end failures: 5 s, 10 s, 20 s… capped at 5 minutes, with jitter. */
    public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    private Backends() {
    }

    /** Connection credentials read from their secret references, as the function's environment allows. */
    public static ConnectionKeys keysFromEnvironment() {
        return new SecretConnectionKeys(new SchemeSecretResolver());
    }

    /** The credentials table, when the manifest gives this function access to it; else null. */
    public static String credentialsTableFromEnvironment() {
        return FunctionEnvironment.optional(Manifest.CREDENTIALS_TABLE_VARIABLE).orElse(null);
    }

    /**
     * The registered back-ends.
     *
     * @param credentialsTable null for functions the manifest gives no access to customer credentials
     * @param mail             null for functions that send no mail (the client functions)
     */
    public static BackendRegistry on(DynamoDbClient dynamo, String table, String credentialsTable, MailQueue mail,
                                     ConnectionKeys keys, Backoff backoff, Clock clock) {
        return on(dynamo, table, credentialsTable, mail, keys, backoff, clock, RegisteredBackends.ALL);
    }

    /** The given back-ends (tests: one on an in-memory API, or one with no lifecycle). */
    public static BackendRegistry on(DynamoDbClient dynamo, String table, String credentialsTable, MailQueue mail,
                                     ConnectionKeys keys, Backoff backoff, Clock clock,
                                     List<BackendFactory> factories) {
        return BackendRegistry.of(factories, context(dynamo, table, credentialsTable, mail, keys, backoff, clock));
    }

    public static BackendContext context(DynamoDbClient dynamo, String table, String credentialsTable,
                                         MailQueue mail, ConnectionKeys keys, Backoff backoff, Clock clock) {
        return new BackendContext(new DynamoDbCatalogRepository(dynamo, table),
                new DynamoDbConnectionRepository(dynamo, table), new DynamoDbConnectionTemplates(dynamo, table),
                new DynamoDbServiceRepository(dynamo, table),
                new DynamoDbServerClaims(dynamo, table), new DynamoDbModuleState(dynamo, table),
                secrets(dynamo, credentialsTable), mail, keys, backoff, clock);
    }

    /** Customer credentials, or — for a function the manifest grants none — a store that refuses every use. */
    public static ServiceSecrets secrets(DynamoDbClient dynamo, String credentialsTable) {
        return credentialsTable == null ? NoCredentials.INSTANCE : new DynamoDbServiceSecrets(dynamo, credentialsTable);
    }

    /** What the licence use cases work on: the registry's licence back-ends, the pool and records in the table. */
    public static LicencePorts licencePorts(DynamoDbClient dynamo, String table, String credentialsTable,
                                            BackendRegistry registry, Clock clock) {
        return new LicencePorts(new LicenceConnections(registry, new DynamoDbConnectionRepository(dynamo, table)),
                new DynamoDbLicencePool(dynamo, table), new LicenceRecords(new DynamoDbModuleState(dynamo, table)),
                secrets(dynamo, credentialsTable), clock);
    }

    /** Attaching licences to delivered servers. */
    public static AttachLicence attachLicence(DynamoDbClient dynamo, String table, String credentialsTable,
                                              BackendRegistry registry, Clock clock) {
        return new AttachLicence(licencePorts(dynamo, table, credentialsTable, registry, clock));
    }

    /** Giving the licences of ended services back to the pool. */
    public static ReleaseLicence releaseLicence(DynamoDbClient dynamo, String table, String credentialsTable,
                                                BackendRegistry registry, Clock clock) {
        return new ReleaseLicence(licencePorts(dynamo, table, credentialsTable, registry, clock));
    }

    /** Staff's view of the licence pool over every licence connection of the registry (reads the table only). */
    public static LicencePoolView licencePoolView(DynamoDbClient dynamo, String table, BackendRegistry registry,
                                                  Clock clock) {
        return new LicencePoolView(new LicenceConnections(registry, new DynamoDbConnectionRepository(dynamo, table)),
                new DynamoDbLicencePool(dynamo, table), clock);
    }

    /** The daily licence renewal over every licence connection of the registry. */
    public static RenewLicences renewLicences(DynamoDbClient dynamo, String table, String credentialsTable,
                                              BackendRegistry registry, MailQueue mail, Clock clock) {
        LicencePorts ports = licencePorts(dynamo, table, credentialsTable, registry, clock);
        return new RenewLicences(ports, new DynamoDbServiceRepository(dynamo, table), new ReleaseLicence(ports), mail);
    }
}
