package io.hostwright.domain.backend;

/** Builds one back-end on the shared ports. Registering a back-end is adding its factory to the registry's list. */
public interface BackendFactory {

    /** The back-end's name, known before it is built (e.g. to list what is registered). */
    String name();

    Backend create(BackendContext context);
}
