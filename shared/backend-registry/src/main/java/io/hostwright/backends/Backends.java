package io.hostwright.backends;

import io.hostwright.domain.control.ServerControl;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.operation.LifecycleModule;
import io.hostwright.domain.step.Backoff;
import io.hostwright.domain.provisioning.ProvisioningModule;
import io.hostwright.backends.tenantos.TenantOsApis;
import io.hostwright.backends.tenantos.TenantOsLifecycle;
import io.hostwright.backends.tenantos.TenantOsProvisioning;
import io.hostwright.backends.tenantos.TenantOsServerControl;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbServerClaims;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbServiceSecrets;
import io.hostwright.dynamodb.DynamoDbTenantOsCatalog;
import io.hostwright.secrets.SchemeSecretResolver;
import io.hostwright.backends.tenantos.http.HttpTenantOsApis;
import io.hostwright.backends.tenantos.http.TenantOsKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Every back-end module on its real adapters: what provisioning, the lifecycle and the client functions run. One
 * place, so the three functions (and the laptop runtime) cannot wire a back-end differently.
 */
public final class Backends {

    /** Backoff of transient back-end failures: 5 s, 10 s, 20 s… capped at 5 minutes, with jitter. */
    public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    private final DynamoDbCatalogRepository products;
    private final DynamoDbServiceRepository services;
    private final DynamoDbTenantOsCatalog tenantOsCatalog;
    private final DynamoDbServerClaims claims;
    private final DynamoDbModuleState states;
    private final DynamoDbServiceSecrets secrets;
    private final TenantOsApis tenantOs;
    private final MailQueue mail;
    private final Backoff backoff;
    private final Clock clock;

    /** @param mail null for functions that send no mail (the client functions) */
    public Backends(DynamoDbClient dynamo, String table, TenantOsApis tenantOs, MailQueue mail, Backoff backoff,
                    Clock clock) {
        this.products = new DynamoDbCatalogRepository(dynamo, table);
        this.services = new DynamoDbServiceRepository(dynamo, table);
        this.tenantOsCatalog = new DynamoDbTenantOsCatalog(dynamo, table);
        this.claims = new DynamoDbServerClaims(dynamo, table);
        this.states = new DynamoDbModuleState(dynamo, table);
        this.secrets = new DynamoDbServiceSecrets(dynamo, table);
        this.tenantOs = tenantOs;
        this.mail = mail;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** TenantOS API clients whose keys are read from the connection's secret reference (env:, file:, secretsmanager:). */
    public static TenantOsApis tenantOsFromSecrets() {
        return new HttpTenantOsApis(TenantOsKeys.from(new SchemeSecretResolver()));
    }

    public List<ProvisioningModule> provisioning() {
        return List.of(new TenantOsProvisioning(products, tenantOsCatalog, tenantOs, claims, states, secrets, mail,
                backoff, clock));
    }

    public List<LifecycleModule> lifecycle() {
        return List.of(new TenantOsLifecycle(products, services, tenantOsCatalog, tenantOs, claims, states, secrets,
                mail, backoff, clock));
    }

    public List<ServerControl> serverControls() {
        return List.of(new TenantOsServerControl(products, tenantOsCatalog, tenantOs, states, clock));
    }

    /** The modules that have lifecycle operations (for request validation, which needs no back-end). */
    public static Set<String> lifecycleModules() {
        return Set.of(TenantOsProvisioning.MODULE);
    }
}
