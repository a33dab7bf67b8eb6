package io.hostwright.domain.catalog;

import io.hostwright.domain.fixtures.InMemoryConnections;
import io.hostwright.domain.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecentConnectionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryConnections stored = new InMemoryConnections();
    private final ConnectionRepository counting = new ConnectionRepository() {
        @Override
        public Optional<Connection> findConnection(String connectionId) {
            reads.incrementAndGet();
            return stored.findConnection(connectionId);
        }

        @Override
        public java.util.List<Connection> listConnections() {
            return stored.listConnections();
        }

        @Override
        public void saveConnection(Connection connection) {
            stored.saveConnection(connection);
        }
    };
    private final RecentConnections recent = new RecentConnections(counting, clock, Duration.ofMinutes(1));

    private static Connection connection(String baseUrl) {
        return new Connection("fra", "tenantos", "Frankfurt", baseUrl, "env:KEY", null, Map.of());
    }

    @Test
    void aConnectionIsReadOnceAMinuteAndAgainWhenItsCopyIsOlder() {
        stored.saveConnection(connection("https://a.example"));

        for (int i = 0; i < 25; i++) {
            assertThat(recent.findConnection("fra")).map(Connection::baseUrl).contains("https://a.example");
        }
        assertThat(reads).hasValue(1);

        stored.saveConnection(connection("https://b.example"));
        clock.advance(Duration.ofSeconds(59));
        assertThat(recent.findConnection("fra")).map(Connection::baseUrl).contains("https://a.example");
        clock.advance(Duration.ofSeconds(1));
        assertThat(recent.findConnection("fra")).map(Connection::baseUrl).contains("https://b.example");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aSaveThroughItAndAMissingConnectionAreNeverServedFromTheCopy() {
        assertThat(recent.findConnection("fra")).isEmpty();
        stored.saveConnection(connection("https://a.example"));
        assertThat(recent.findConnection("fra")).isPresent();

        recent.saveConnection(connection("https://c.example"));

        assertThat(recent.findConnection("fra")).map(Connection::baseUrl).contains("https://c.example");
        assertThat(reads).hasValue(3);
    }
}
