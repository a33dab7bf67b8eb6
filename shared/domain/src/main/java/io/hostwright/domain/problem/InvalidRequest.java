package io.hostwright.domain.problem;

import java.util.List;

/** The request is understood but breaks a rule; every broken rule is listed with its field. */
public final class InvalidRequest extends DomainException {

    private final List<Violation> violations;

    public InvalidRequest(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid request"
                : violations.get(0).field() + ": " + violations.get(0).message());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
