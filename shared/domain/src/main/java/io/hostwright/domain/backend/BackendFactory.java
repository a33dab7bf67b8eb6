package io.hostwright.domain.backend;

import java.util.function.Function;

/** Builds one back-end on the shared ports. Registering a back-end is adding its factory to the registry's list. */
public interface BackendFactory {

    /** The back-end's name, known before it is built (e.g. to list what is registered). */
    String name();

    Backend create(BackendContext context);

    /** The registration of back-end {@code name}, built by {@code create} on whatever context the wiring gives. */
    static BackendFactory of(String name, Function<BackendContext, ? extends Backend> create) {
        return new BackendFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Backend create(BackendContext context) {
                return create.apply(context);
            }
        };
    }
}
