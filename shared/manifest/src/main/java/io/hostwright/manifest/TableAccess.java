package io.hostwright.manifest;

/** What a function may do to the table; the CDK grants exactly this. */
public enum TableAccess {
    NONE, READ, READ_WRITE
}
