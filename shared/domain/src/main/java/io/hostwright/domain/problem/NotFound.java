package io.hostwright.domain.problem;

/** Nothing by that id that the caller may see. Also the answer for another customer's resource. */
public final class NotFound extends DomainException {

    public NotFound(String what, String id) {
        super(what + " " + id + " not found");
    }
}
