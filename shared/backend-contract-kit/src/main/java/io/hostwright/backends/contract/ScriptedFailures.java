package io.hostwright.backends.contract;

/**
 * What a simulator can do and a real installation cannot: fail on demand, and count the calls it received. A route
 * is written as the back-end's {@link ApiCall}s write it.
 */
public interface ScriptedFailures {

    /** The next {@code times} calls of {@code route} get {@code answer} and change nothing. */
    void answer(String route, int times, ErrorAnswer answer);

    /**
     * The next {@code times} calls of {@code route} get no answer before the client stops waiting. The back-end may
     * still do them afterwards, as a slow one would.
     */
    void hang(String route, int times);

    /** Calls of {@code route} that reached the back-end so far, counted as they arrive: one still hanging counts. */
    long callsReceived(String route);
}
