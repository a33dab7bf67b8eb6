package io.hostwright.local.gateway;

import io.hostwright.local.jwt.LocalJwt;
import io.hostwright.manifest.Access;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity source and scope rules of API Gateway's JWT authorizer, as the CDK app configures it. */
class JwtAuthorizerTest {

    private static final LocalJwt JWT = new LocalJwt("http://127.0.0.1:3000/local", LocalJwt.AUDIENCE);
    private final JwtAuthorizer authorizer = new JwtAuthorizer(JWT);

    @Test
    void publicRoutesNeedNoToken() {
        assertThat(authorizer.decide(Access.PUBLIC, null)).isInstanceOf(AuthorizerDecision.Anonymous.class);
        assertThat(authorizer.decide(Access.PUBLIC, "Bearer garbage")).isInstanceOf(AuthorizerDecision.Anonymous.class);
    }

    @Test
    void takesTheTokenWithOrWithoutBearerAsApiGatewayDoes() {
        String token = JWT.issue("alice", "alice@example.com", null, Duration.ofMinutes(5));

        for (String header : List.of("Bearer " + token, "bearer " + token, "BEARER  " + token, token, " " + token + " ")) {
            assertThat(authorizer.decide(Access.CUSTOMER, header)).as(header)
                    .isInstanceOfSatisfying(AuthorizerDecision.Authorized.class,
                            a -> assertThat(a.claims()).containsEntry("sub", "alice"));
        }
    }

    @Test
    void noTokenIsA401WithoutDetails() {
        for (String header : new String[]{null, "", "   ", "Bearer", "Bearer    "}) {
            assertThat(authorizer.decide(Access.CUSTOMER, header)).as("[%s]", header)
                    .isEqualTo(new AuthorizerDecision.Refused(401, "Unauthorized", "Bearer"));
        }
    }

    @Test
    void anInvalidTokenIsA401SayingWhy() {
        String expired = JWT.sign(Map.of("iss", JWT.issuer(), "aud", LocalJwt.AUDIENCE, "sub", "alice",
                "exp", Instant.now().minusSeconds(5).getEpochSecond()));

        assertThat(authorizer.decide(Access.CUSTOMER, "Bearer " + expired)).isEqualTo(new AuthorizerDecision.Refused(401,
                "Unauthorized", "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\""));
        assertThat(authorizer.decide(Access.STAFF, "Basic YWxpY2U6c2VjcmV0"))
                .isInstanceOfSatisfying(AuthorizerDecision.Refused.class, r -> {
                    assertThat(r.status()).isEqualTo(401);
                    assertThat(r.wwwAuthenticate()).contains("invalid_token");
                });
    }

    @Test
    void staffRoutesNeedTheAdminScopeInScopeOrScp() {
        long exp = Instant.now().plusSeconds(300).getEpochSecond();
        Map<String, Object> base = Map.of("iss", JWT.issuer(), "aud", LocalJwt.AUDIENCE, "sub", "sam", "exp", exp);
        String scope = JWT.issue("sam", "sam@example.com", "billing admin", Duration.ofMinutes(5));
        String scpList = JWT.sign(with(base, "scp", List.of("billing", "admin")));
        String scpText = JWT.sign(with(base, "scp", "admin"));
        String scopeWins = JWT.sign(with(with(base, "scope", "billing"), "scp", List.of("admin")));
        String customer = JWT.issue("alice", "alice@example.com", null, Duration.ofMinutes(5));

        for (String staff : List.of(scope, scpList, scpText)) {
            assertThat(authorizer.decide(Access.STAFF, "Bearer " + staff))
                    .isInstanceOfSatisfying(AuthorizerDecision.Authorized.class,
                            a -> assertThat(a.scopes()).contains("admin"));
        }
        for (String notStaff : List.of(customer, scopeWins)) {
            assertThat(authorizer.decide(Access.STAFF, "Bearer " + notStaff)).isEqualTo(new AuthorizerDecision.Refused(403,
                    "Forbidden", "Bearer scope=\"admin\" error=\"insufficient_scope\" "
                    + "error_description=\"the token lacks the admin scope\""));
        }
        assertThat(authorizer.decide(Access.CUSTOMER, "Bearer " + customer)).isInstanceOf(AuthorizerDecision.Authorized.class);
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(claims);
        more.put(name, value);
        return more;
    }
}
