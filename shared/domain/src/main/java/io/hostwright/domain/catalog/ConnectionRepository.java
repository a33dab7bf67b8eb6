package io.hostwright.domain.catalog;

import java.util.List;
import java.util.Optional;

/** Port: back-end connections. */
public interface ConnectionRepository {

    Optional<Connection> findConnection(String connectionId);

    /** Every connection, ordered by id. */
    List<Connection> listConnections();

    /** Creates or replaces a connection whatever its version (the seed); the stored version moves on. */
    void saveConnection(Connection connection);
}
