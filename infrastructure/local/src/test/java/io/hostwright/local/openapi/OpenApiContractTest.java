package io.hostwright.local.openapi;

import io.hostwright.local.gateway.GatewayExchange;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every end-to-end exchange goes through, on exchanges made up here. */
class OpenApiContractTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_FOUND = "{\"type\":\"https://hostwright.io/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"no product p-1\"}";

    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void anAnswerTheDocumentListsPasses() {
        assertThat(contract.mismatches(List.of(
                exchange("GET", "/v1/catalog/products/p-1", "GET /v1/catalog/products/{productId}", "", 404, PROBLEM, NOT_FOUND),
                exchange("GET", "/v1/services", "GET /v1/services", "", 401, "application/json", "{\"message\":\"Unauthorized\"}"))))
                .isEmpty();
    }

    @Test
    void anAnswerOfAnotherShapeStatusOrTypeIsAMismatch() {
        String route = "GET /v1/catalog/products/{productId}";

        assertThat(contract.mismatches(List.of(exchange("GET", "/v1/catalog/products/p-1", route, "", 404, PROBLEM,
                "{\"type\":\"x\",\"title\":\"Not found\",\"status\":\"404\"}"))))
                .hasSize(2).allSatisfy(line -> assertThat(line).startsWith(route + " → 404: answer:"))
                .anySatisfy(line -> assertThat(line).contains("missing required properties", "detail"))
                .anySatisfy(line -> assertThat(line).contains("/status", "integer"));
        assertThat(contract.mismatches(List.of(exchange("GET", "/v1/catalog/products/p-1", route, "", 418, PROBLEM, NOT_FOUND))))
                .singleElement().asString().contains("418");
        assertThat(contract.mismatches(List.of(exchange("GET", "/v1/catalog/products/p-1", route, "", 404,
                "text/plain", "not found")))).singleElement().asString().contains("text/plain");
    }

    @Test
    void aBadRequestMayBeRefusedButNotAccepted() {
        String body = "{\"productId\":\"vps-m\",\"billingCycle\":\"monthly\"}";
        String problem = "{\"type\":\"https://hostwright.io/problems/invalid-request\",\"title\":\"Invalid request\","
                + "\"status\":400,\"detail\":\"Idempotency-Key is required\"}";
        String accepted = "{\"orderId\":\"ord_1\",\"serviceId\":\"svc_1\",\"status\":\"PENDING\",\"waitingForStock\":false}";

        assertThat(contract.mismatches(List.of(exchange("POST", "/v1/orders", "POST /v1/orders", body, 400, PROBLEM, problem))))
                .as("refused: the test meant it").isEmpty();
        assertThat(contract.mismatches(List.of(withHeaders(exchange("POST", "/v1/orders", "POST /v1/orders", body, 202,
                "application/json", accepted), Map.of("location", List.of("/v1/orders/ord_1"))))))
                .anySatisfy(line -> assertThat(line).contains("accepted a request the document forbids")
                        .contains("Idempotency-Key"));
    }

    @Test
    void onlyTheManifestsRoutesAreTheApis() {
        GatewayExchange testRoute = new GatewayExchange("GET", "/v1/things/t-1", "", Map.of(), null,
                GatewayExchange.Answerer.FUNCTION, "GET /v1/things/{thingId}", "things-api", 418, Map.of(), null);
        GatewayExchange unknownPath = new GatewayExchange("GET", "/v2/nothing", "", Map.of(), null,
                GatewayExchange.Answerer.GATEWAY, null, null, 404, Map.of(), null);

        assertThat(contract.covers(testRoute)).isFalse();
        assertThat(contract.covers(unknownPath)).isFalse();
        assertThat(contract.mismatches(List.of(testRoute, unknownPath))).isEmpty();
    }

    @Test
    void identicalExchangesAreCheckedOnceAndDistinctOnesCounted() {
        String route = "GET /v1/catalog/products/{productId}";
        GatewayExchange bad = exchange("GET", "/v1/catalog/products/p-1", route, "", 404, PROBLEM, "{}");
        GatewayExchange otherBad = exchange("GET", "/v1/catalog/products/p-2", route, "", 404, PROBLEM, "{}");

        assertThat(contract.mismatches(List.of(bad, bad, bad))).singleElement().asString().doesNotContain("exchanges)");
        assertThat(contract.mismatches(List.of(bad, otherBad))).singleElement().asString().contains("(2 exchanges)");
    }

    private static GatewayExchange exchange(String method, String path, String routeKey, String body, int status,
                                            String contentType, String responseBody) {
        return new GatewayExchange(method, path, "",
                body.isEmpty() ? Map.of() : Map.of("content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), GatewayExchange.Answerer.FUNCTION, routeKey, function(routeKey),
                status, Map.of("content-type", List.of(contentType)), responseBody.getBytes(StandardCharsets.UTF_8));
    }

    private static GatewayExchange withHeaders(GatewayExchange exchange, Map<String, List<String>> more) {
        Map<String, List<String>> headers = new java.util.HashMap<>(exchange.responseHeaders());
        headers.putAll(more);
        return new GatewayExchange(exchange.method(), exchange.rawPath(), exchange.rawQueryString(),
                Map.of("content-type", List.of("application/json"), "authorization", List.of("Bearer x")),
                exchange.requestBody(), exchange.answeredBy(), exchange.routeKey(), exchange.function(), exchange.status(),
                headers, exchange.responseBody());
    }

    /** The manifest function serving {@code routeKey}. */
    private static String function(String routeKey) {
        return Manifest.FUNCTIONS.stream()
                .filter(f -> f.trigger() instanceof Trigger.HttpApi http
                        && http.routes().stream().anyMatch(r -> r.routeKey().equals(routeKey)))
                .findFirst().orElseThrow().name();
    }
}
