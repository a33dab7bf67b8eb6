package io.hostwright.simulators;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A running simulator of one back-end's HTTP API, as the laptop runtime and the tests see it: where it listens and
 * the credential a connection to it uses. Each simulator adds its own control API ({@code /_simulator/…}) for
 * stock, faults and time.
 */
public interface BackendSimulator extends AutoCloseable {

    /** The back-end it plays, e.g. {@code tenantos}: connections of that back-end may point at it. */
    String backend();

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl();

    /** What a connection's secret must hold to be let in, in the form that back-end's connections keep it. */
    String credential();

    /** Where it keeps its state across restarts; empty when it keeps it in memory only. */
    default Optional<Path> stateFile() {
        return Optional.empty();
    }

    @Override
    void close();
}
