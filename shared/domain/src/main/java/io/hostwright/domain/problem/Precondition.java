package io.hostwright.domain.problem;

/**
 * A change refused on its precondition: {@link #missing()} when it named no version to change ({@code If-Match}
 * absent: 428), else because the version it named is no longer the stored one (412) — someone changed it since it
 * was read, and nothing was written.
 */
public final class Precondition extends DomainException {

    public static final String HEADER = "If-Match";

    private final boolean missing;

    private Precondition(boolean missing, String message) {
        super(message);
        this.missing = missing;
    }

    public static Precondition missing(String what) {
        return new Precondition(true, HEADER + " is required to change " + what
                + ": send the ETag of your last read, so a change made by someone else since is never overwritten");
    }

    public static Precondition stale(String what, long current) {
        return new Precondition(false, what + " changed since it was read (it is now at version " + current
                + "); read it again, then send that ETag in " + HEADER);
    }

    public boolean missing() {
        return missing;
    }
}
