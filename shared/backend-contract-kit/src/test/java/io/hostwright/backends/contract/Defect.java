package io.hostwright.backends.contract;

/** A mistake a back-end adapter or its test could make, built into the notes adapter on demand. */
enum Defect {
    REPEATS_UNSAFE_CALLS,
    NEVER_REPEATS,
    REPEATS_REFUSALS,
    TOO_MANY_REQUESTS_IS_PERMANENT,
    TIMEOUT_IS_PERMANENT,
    LOSES_RETRY_AFTER,
    DROPS_THE_BACKENDS_WORDS,
    SHOWS_THE_CREDENTIAL,
    MISNAMES_A_ROUTE
}
