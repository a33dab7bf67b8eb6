package io.hostwright.dynamodb;

import io.hostwright.domain.step.FollowUp;
import io.hostwright.domain.step.StepMessage;
import io.hostwright.domain.step.StepLedger;
import io.hostwright.domain.service.ProvisioningStep;
import io.hostwright.domain.service.StepStatus;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Step ledger, server claims, module state, secrets and TenantOS settings on DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbProvisioningStoresTest {

    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final String service = "svc_" + UUID.randomUUID();
    private DynamoDbStepLedger ledger;
    private DynamoDbServerClaims claims;
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        ledger = new DynamoDbStepLedger(aws.dynamoDb(), aws.tableName());
        claims = new DynamoDbServerClaims(aws.dynamoDb(), aws.tableName());
    }

    @Test
    void anAttemptIsClaimedOnceAndItsUnsentFollowUpIsHandedToTheNextDelivery() {
        StepLedger.ClaimResult first = ledger.claim(service, null, 2, "claim-server", 1, now, Duration.ofMinutes(2));
        assertThat(first).isInstanceOf(StepLedger.Claimed.class);
        assertThat(ledger.claim(service, null, 2, "claim-server", 1, now, Duration.ofMinutes(2)))
                .as("a second delivery while the first runs").isInstanceOf(StepLedger.Busy.class);

        FollowUp next = new FollowUp(new StepMessage(service, "ord", "tenantos", "assign-server", 1), Duration.ZERO);
        ledger.complete((StepLedger.Claimed) first, StepStatus.SUCCEEDED, "server 101 claimed", next, now);
        assertThat(ledger.claim(service, null, 2, "claim-server", 1, now, Duration.ofMinutes(2)))
                .isEqualTo(new StepLedger.AlreadyRan(next));

        ledger.followUpSent((StepLedger.Claimed) first);
        assertThat(ledger.claim(service, null, 2, "claim-server", 1, now, Duration.ofMinutes(2)))
                .isEqualTo(new StepLedger.AlreadyRan(null));

        ProvisioningStep recorded = new DynamoDbServiceRepository(aws.dynamoDb(), aws.tableName()).steps(service).get(0);
        assertThat(recorded.name()).isEqualTo("claim-server");
        assertThat(recorded.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(recorded.detail()).isEqualTo("server 101 claimed");
    }

    @Test
    void aCrashedClaimIsTakenOverAfterItsLeaseAndALaterAttemptSupersedes() {
        ledger.claim(service, null, 6, "await-install", 1, now, Duration.ofMinutes(2));
        assertThat(ledger.claim(service, null, 6, "await-install", 1, now.plusSeconds(121), Duration.ofMinutes(2)))
                .isInstanceOf(StepLedger.Claimed.class);
        StepLedger.Claimed second = (StepLedger.Claimed) ledger.claim(service, null, 6, "await-install", 2, now, Duration.ofMinutes(2));
        ledger.complete(second, StepStatus.WAITING, "installing: 40%", null, now);
        assertThat(ledger.claim(service, null, 6, "await-install", 1, now, Duration.ofMinutes(2)))
                .as("a stale message of an earlier attempt").isInstanceOf(StepLedger.AlreadyRan.class);
    }

    @Test
    void ofTenServicesRacingForOneServerExactlyOneWins() throws Exception {
        String server = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String contender = "svc_" + i + "_" + server;
                racers.add(() -> claims.claim("conn", server, contender));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(racers)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimIsReentrantForItsHolderAndReleasedOnlyByIt() {
        String server = UUID.randomUUID().toString();
        assertThat(claims.claim("conn", server, "svc_a")).isTrue();
        assertThat(claims.claim("conn", server, "svc_a")).isTrue();
        claims.release("conn", server, "svc_b");
        assertThat(claims.claim("conn", server, "svc_b")).isFalse();
        claims.release("conn", server, "svc_a");
        assertThat(claims.claim("conn", server, "svc_b")).isTrue();
    }

    @Test
    void moduleStateSecretsAndConnectionsRoundTrip() {
        DynamoDbModuleState states = new DynamoDbModuleState(aws.dynamoDb(), aws.tableName());
        states.save(service, "tenantos", Map.of("userId", "7", "serverId", "101"));
        assertThat(states.load(service, "tenantos")).containsEntry("serverId", "101");
        assertThat(states.load("svc_none", "tenantos")).isEmpty();

        DynamoDbServiceSecrets secrets = new DynamoDbServiceSecrets(aws.dynamoDb(), aws.tableName());
        secrets.put(service, "root-password", "s3cret");
        assertThat(secrets.get(service, "root-password")).contains("s3cret");

        DynamoDbConnectionRepository connections = new DynamoDbConnectionRepository(aws.dynamoDb(), aws.tableName());
        Connection connection = new Connection("c-" + service, "tenantos", "Demo", "http://127.0.0.1:1", "env:KEY",
                "noc@example.test", Map.of("stockOwnerUserId", 1, "tagsToAddAfterProvisioning", List.of("assigned"),
                "nested", Map.of("deadline", "PT6H", "flag", true)));
        connections.saveConnection(connection);
        assertThat(connections.findConnection(connection.connectionId())).contains(connection);
        assertThat(connections.listConnections()).contains(connection);
        assertThat(connections.findConnection("nope-" + service)).isEmpty();
    }
}
