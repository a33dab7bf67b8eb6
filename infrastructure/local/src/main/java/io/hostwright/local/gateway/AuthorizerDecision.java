package io.hostwright.local.gateway;

import java.util.List;
import java.util.Map;

/** What the JWT authorizer decided for one request. */
public sealed interface AuthorizerDecision {

    /** A public route: the event carries no authorizer. */
    record Anonymous() implements AuthorizerDecision {
    }

    /** A verified token: claims as API Gateway passes them (every value a string), and its scopes. */
    record Authorized(Map<String, String> claims, List<String> scopes) implements AuthorizerDecision {
        public Authorized {
            claims = Map.copyOf(claims);
            scopes = List.copyOf(scopes);
        }
    }

    /** Refused before the function runs: 401 or 403 with API Gateway's body and {@code www-authenticate} header. */
    record Refused(int status, String message, String wwwAuthenticate) implements AuthorizerDecision {
    }
}
