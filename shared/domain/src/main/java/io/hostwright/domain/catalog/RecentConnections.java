package io.hostwright.domain.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections as read at most {@code maxAge} ago: for a function that resolves the same connection for every
 * service of a batch (bandwidth polling reads 25 services of one connection per message). A change by staff is seen
 * once the copy is older than {@code maxAge}; a connection that is not there is asked for again every time.
 */
public final class RecentConnections implements ConnectionRepository {

    private record Read(Connection connection, Instant at) {
    }

    private final ConnectionRepository stored;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    public RecentConnections(ConnectionRepository stored, Clock clock, Duration maxAge) {
        this.stored = stored;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public Optional<Connection> findConnection(String connectionId) {
        Instant now = clock.instant();
        Read read = reads.get(connectionId);
        if (read != null && !now.isBefore(read.at()) && now.isBefore(read.at().plus(maxAge))) {
            return Optional.of(read.connection());
        }
        Optional<Connection> found = stored.findConnection(connectionId);
        found.ifPresentOrElse(c -> reads.put(connectionId, new Read(c, now)), () -> reads.remove(connectionId));
        return found;
    }

    @Override
    public List<Connection> listConnections() {
        return stored.listConnections();
    }

    @Override
    public void saveConnection(Connection connection) {
        reads.remove(connection.connectionId());
        stored.saveConnection(connection);
    }
}
