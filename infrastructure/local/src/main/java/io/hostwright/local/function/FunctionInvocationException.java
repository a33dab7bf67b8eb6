package io.hostwright.local.function;

/**
 * An invocation Lambda would report as failed: the handler threw, or it ran past the manifest timeout (Lambda would
 * have stopped it, so its result does not count).
 */
public final class FunctionInvocationException extends RuntimeException {

    private final String functionName;
    private final String requestId;
    private final boolean timedOut;

    FunctionInvocationException(String functionName, String requestId, String message, Throwable cause, boolean timedOut) {
        super(message, cause);
        this.functionName = functionName;
        this.requestId = requestId;
        this.timedOut = timedOut;
    }

    public String functionName() {
        return functionName;
    }

    public String requestId() {
        return requestId;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
