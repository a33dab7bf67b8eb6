package io.hostwright.lambda.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API Gateway's JWT authorizer passes a valid token without {@code sub}; every routed API function answers it 401
 * before its route runs, whether or not the route reads the caller.
 */
class TokenWithoutSubjectTest {

    private static APIGatewayV2HTTPEvent event(Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        if (claims != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(claims);
            jwt.setScopes(List.of("admin"));
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("GET /v1/admin/things");
        event.setRequestContext(context);
        return event;
    }

    private static APIGatewayV2HTTPResponse routed(APIGatewayV2HTTPEvent event, AtomicBoolean ran) {
        return ApiResponses.routed(event, request -> {
            ran.set(true);
            return ApiResponses.json(200, Map.of("ok", true));
        }, (request, unexpected) -> ApiResponses.internalError("r-1"));
    }

    @Test
    void aVerifiedTokenWithoutSubIsA401BeforeTheRouteRuns() {
        for (Map<String, String> claims : List.of(Map.of("iss", "https://issuer.example.com/", "scope", "admin"),
                Map.of("sub", " ", "scope", "admin"))) {
            AtomicBoolean ran = new AtomicBoolean();

            APIGatewayV2HTTPResponse response = routed(event(claims), ran);

            assertThat(response.getStatusCode()).as(claims.toString()).isEqualTo(401);
            assertThat(response.getHeaders()).containsEntry("Content-Type", Problem.CONTENT_TYPE);
            assertThat(response.getBody()).contains("\"title\":\"Unauthenticated\"");
            assertThat(ran).isFalse();
        }
    }

    @Test
    void aSubjectOrNoAuthorizerAtAllGoesThrough() {
        for (APIGatewayV2HTTPEvent event : List.of(event(Map.of("sub", "sam")), event(null))) {
            AtomicBoolean ran = new AtomicBoolean();

            assertThat(routed(event, ran).getStatusCode()).isEqualTo(200);
            assertThat(ran).isTrue();
        }
    }
}
