package io.hostwright.manifest;

/** Who may call an HTTP route. Enforced by the API Gateway JWT authorizer in AWS and by the local gateway on a laptop. */
public enum Access {
    /** Anyone, no token (the catalog). */
    PUBLIC(null),
    /** A customer with a valid token; handlers scope every read to the token's {@code sub}. */
    CUSTOMER(null),
    /** Provider staff: a valid token carrying the {@code admin} scope, else 403. */
    STAFF("admin");

    private final String requiredScope;

    Access(String requiredScope) {
        this.requiredScope = requiredScope;
    }

    public boolean needsToken() {
        return this != PUBLIC;
    }

    /** The OAuth scope the token must carry, or null when any valid token will do. */
    public String requiredScope() {
        return requiredScope;
    }
}
