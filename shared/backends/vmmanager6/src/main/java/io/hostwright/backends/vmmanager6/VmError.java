package io.hostwright.backends.vmmanager6;

import io.hostwright.domain.backend.BackendFailure;

/**
 * The error code VMmanager answered with, kept as the cause of the {@link BackendFailure} so the module can tell
 * "no free addresses" (1010) from "host busy" (1020) without reading the message.
 */
public final class VmError extends RuntimeException {

    /** No free IPv4 address in the pools a host may take from. */
    public static final int POOL_EXHAUSTED = 1010;
    /** The cluster cannot take another host. */
    public static final int CLUSTER_FULL = 1011;
    /** Another task of the host is still running. */
    public static final int HOST_BUSY = 1020;

    private final int code;

    public VmError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The code of a failure VMmanager answered with an error object; 0 when it did not. */
    public static int of(BackendFailure failure) {
        return failure.getCause() instanceof VmError error ? error.code : 0;
    }
}
