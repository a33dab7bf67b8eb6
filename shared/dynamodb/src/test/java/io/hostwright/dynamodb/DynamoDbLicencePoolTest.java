package io.hostwright.dynamodb;

import io.hostwright.domain.licence.PoolLicence;
import io.hostwright.domain.licence.PooledLicence;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The licence pool on DynamoDB Local: mirrored from the server, and never one licence on two services. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbLicencePoolTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private DynamoDbLicencePool pool;
    private final String connection = "lic-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp(LocalAws aws) {
        pool = new DynamoDbLicencePool(aws.dynamoDb(), aws.tableName());
    }

    private static PoolLicence free(String id) {
        return new PoolLicence(id, PoolLicence.Status.ACTIVE, PoolLicence.FREE_NAME, PoolLicence.FREE_IP,
                NOW.plus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(60)), null);
    }

    @Test
    void twentyServicesRacingForFiveFreeLicencesGetOneEachAtMostAndNoLicenceTwice() throws Exception {
        for (int i = 1; i <= 5; i++) {
            pool.mirror(connection, free("L" + i), 55227);
        }
        ExecutorService threads = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            String service = "svc_" + s;
            results.add(threads.submit(() -> {
                go.await();
                // as the provisioning step will: the available ones, in the pool's order, until one is taken
                for (PooledLicence candidate : pool.list(connection)) {
                    if (candidate.available(NOW) && pool.take(connection, candidate.licence().upstreamId(), service,
                            NOW)) {
                        return candidate.licence().upstreamId();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        List<String> taken = new ArrayList<>();
        for (Future<String> f : results) {
            String licence = f.get();
            if (licence != null) {
                taken.add(licence);
            }
        }
        threads.shutdown();

        assertThat(taken).hasSize(5).doesNotHaveDuplicates();
        Map<String, String> holders = pool.list(connection).stream()
                .collect(Collectors.toMap(l -> l.licence().upstreamId(), PooledLicence::heldBy));
        assertThat(holders.values()).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void takingAgainIsHarmlessGivingBackIsTheHoldersOnlyAndMirroringKeepsTheHolder() {
        pool.mirror(connection, free("L9"), 55228);

        assertThat(pool.take(connection, "L9", "svc_a", NOW)).isTrue();
        assertThat(pool.take(connection, "L9", "svc_a", NOW.plusSeconds(5))).as("the same service again").isTrue();
        assertThat(pool.take(connection, "L9", "svc_b", NOW)).isFalse();
        assertThat(pool.take(connection, "nope", "svc_b", NOW)).as("a licence the pool never saw").isFalse();

        PoolLicence assigned = new PoolLicence("L9", PoolLicence.Status.ACTIVE, "Item #svc_a", "198.51.100.9",
                NOW.plus(Duration.ofDays(130)), NOW, NOW);
        pool.mirror(connection, assigned, 55228);
        PooledLicence read = pool.list(connection).getFirst();
        assertThat(read.heldBy()).isEqualTo("svc_a");
        assertThat(read.heldSince()).isEqualTo(NOW);
        assertThat(read.licence()).isEqualTo(assigned);
        assertThat(read.pricelist()).isEqualTo(55228);

        assertThat(pool.giveBack(connection, "L9", "svc_b")).isFalse();
        assertThat(pool.giveBack(connection, "L9", "svc_a")).isTrue();
        assertThat(pool.list(connection).getFirst().heldBy()).isNull();
    }
}
