package io.hostwright.domain.catalog;

import java.util.Objects;

/** An operating system a product offers; {@code id} is the back-end's template or profile identifier. */
public record OsTemplate(String id, String name) {
    public OsTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
