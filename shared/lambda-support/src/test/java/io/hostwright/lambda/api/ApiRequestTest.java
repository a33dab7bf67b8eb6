package io.hostwright.lambda.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.problem.Violation;
import io.hostwright.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Found by HostilePathParametersTest: a path id of a few thousand characters reached DynamoDB, broke its key size
 * limit and was answered 500 or 503. An id that cannot be one is now a 404 naming the parameter, before any lookup.
 */
class ApiRequestTest {

    private static ApiRequest withPath(String name, String value) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withPathParameters(Map.of(name, value)).build());
    }

    @Test
    void anIdUpTo200CharactersOfAnyAlphabetIsPassedOn() {
        for (String id : new String[]{"svc_01JD", "a".repeat(Ids.MAX_LENGTH), "Windows Server 2022 Ünïcødé \uD83D\uDE00"}) {
            assertThat(withPath("serviceId", id).pathParameter("serviceId")).contains(id);
        }
        assertThat(withPath("serviceId", "x").pathParameter("orderId")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 2_100, 5_000})
    void anIdLongerThan200CharactersIsA404NamingTheParameter(int length) {
        APIGatewayV2HTTPResponse answer = refused(withPath("serviceId", "s".repeat(length)), "serviceId");
        assertThat(answer.getBody()).contains(length + " characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "svc\u0000", "svc\u001b[2J", "svc\u007f", "svc\uD800", "\uDC00svc"})
    void anEmptyIdOrOneWithControlCharactersOrHalfASurrogatePairIsA404NamingTheParameter(String id) {
        refused(withPath("productId", id), "productId");
    }

    @Test
    void anIdInABodyFollowsTheSameRuleAndIsA400NamingTheField() {
        JsonBody body = JsonBody.parse(("{\"productId\": \"" + "p".repeat(3_000) + "\", \"os\": \"a\\u0000\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(body.id("productId")).isNull();
        assertThat(body.id("os")).isNull();
        assertThat(body.id("absent")).isNull();
        assertThatThrownBy(body::throwIfInvalid).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("productId", "os"));
    }

    private static APIGatewayV2HTTPResponse refused(ApiRequest request, String parameter) {
        ApiRequest.NoSuchId refusal = (ApiRequest.NoSuchId) org.assertj.core.api.Assertions
                .catchThrowable(() -> request.pathParameter(parameter));
        assertThat(refusal).isNotNull();
        APIGatewayV2HTTPResponse answer = ApiResponses.problemFor(refusal);
        assertThat(answer.getStatusCode()).isEqualTo(404);
        assertThat(answer.getHeaders()).containsEntry("Content-Type", Problem.CONTENT_TYPE);
        JsonNode problem = Json.read(answer.getBody(), JsonNode.class);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo(parameter);
        return answer;
    }
}
