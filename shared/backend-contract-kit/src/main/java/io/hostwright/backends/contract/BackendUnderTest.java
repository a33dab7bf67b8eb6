package io.hostwright.backends.contract;

import java.util.Optional;

/**
 * A running back-end — a simulator started for one test, or a real installation — and the clients the suite drives
 * it with. Every client is built as production builds it, retries included, except that it does not sleep between
 * attempts (the retry policy's test hook) and, against a simulator, gives up waiting for an answer within a second
 * or so.
 *
 * @param <A> the back-end's API port
 */
public interface BackendUnderTest<A> extends AutoCloseable {

    /** How failure and skip messages name it, e.g. "the X simulator", "X at https://x.example.com". */
    String name();

    /** A client holding the credential the back-end accepts. */
    A client();

    /** A client holding {@code credential} instead, where a connection keeps its secret. */
    A clientWithCredential(String credential);

    /** A client holding the right credential, pointed at {@code baseUrl} ({@code http://127.0.0.1:<port>}). */
    A clientAt(String baseUrl);

    /** The secret {@link #client()} holds, so the suite can check that no failure shows it. */
    String credential();

    /** Failures on demand and call counts; empty for a real installation. */
    Optional<ScriptedFailures> failures();

    /** Stops a simulator; a real installation is left as it is. */
    @Override
    void close();
}
