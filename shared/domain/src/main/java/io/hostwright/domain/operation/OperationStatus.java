package io.hostwright.domain.operation;

/** Where an operation stands. The last three are final. */
public enum OperationStatus {
    /** Accepted; its first message is (or is being) queued. */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** A step could not succeed; staff were told the reason. */
    FAILED,
    /** Stopped without touching anything more, because the back-end is not as we left it; staff were told. */
    NEEDS_ATTENTION;

    public boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == NEEDS_ATTENTION;
    }
}
