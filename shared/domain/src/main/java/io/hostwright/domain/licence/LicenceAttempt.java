package io.hostwright.domain.licence;

/** What attaching a service's licence came to. */
public sealed interface LicenceAttempt {

    /** The service was sold without a licence. */
    record NotWanted() implements LicenceAttempt {
    }

    /** The licence is on the server's IP; its key is the service's secret {@link LicenceRecord#KEY_SECRET}. */
    record Attached(LicenceRecord record) implements LicenceAttempt {
    }

    /** Not yet: the server is delivered without it, staff are told, and it is tried again. */
    record Pending(LicenceRecord record, String reason) implements LicenceAttempt {
    }
}
