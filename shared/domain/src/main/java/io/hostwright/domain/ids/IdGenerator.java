package io.hostwright.domain.ids;

/** Port: new identifiers. Production uses {@link SortableIds}; tests may script their own. */
public interface IdGenerator {

    /** A new id with the given prefix, e.g. {@code ord_01JD...}. */
    String next(String prefix);
}
