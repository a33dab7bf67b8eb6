package io.hostwright.domain.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Port: staff's changes to one kind of catalog entry (products, connections), each conditional on the version it was
 * based on, so two members of staff editing the same entry cannot overwrite each other unknowingly.
 */
public interface VersionedStore<T> {

    Optional<Versioned<T>> findVersioned(String id);

    /** Every entry as stored, by id. */
    List<Versioned<T>> listVersioned();

    /** @return false when an entry with that id exists already (nothing written) */
    boolean create(T value);

    /** @return false when the stored entry is not at {@code expectedVersion} or is gone (nothing written) */
    boolean replace(T value, long expectedVersion);

    /** @return false when the stored entry is not at {@code expectedVersion} or is gone (nothing deleted) */
    boolean delete(String id, long expectedVersion);
}
