package io.hostwright.domain.template;

import java.util.List;
import java.util.Optional;

/**
 * Port: the OS templates of each connection. Every write is conditional, so two syncs racing on one connection, or a
 * sync racing staff, never undo each other: a write that lost answers {@code false} and the caller reads again.
 */
public interface ConnectionTemplates {

    /** A connection's templates, gone ones too, by template id. */
    List<ConnectionTemplate> list(String connectionId);

    Optional<ConnectionTemplate> find(String connectionId, String templateId);

    /** Stores a template found upstream; false when one with its id is there already. */
    boolean add(ConnectionTemplate template);

    /**
     * Writes the sync's fields of {@code after} (upstream id and name, gone or not), if they are still as in
     * {@code before}; staff's fields are left as they are now.
     */
    boolean updateUpstream(ConnectionTemplate before, ConnectionTemplate after);

    /** Writes staff's fields of {@code edited}, if the template still exists; the sync's fields are left as they are. */
    boolean updateByStaff(ConnectionTemplate edited);

    /** Removes every template of a connection (the connection is deleted). */
    void deleteAll(String connectionId);
}
