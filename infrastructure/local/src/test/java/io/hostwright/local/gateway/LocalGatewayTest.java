package io.hostwright.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.json.Json;
import io.hostwright.local.function.LocalFunction;
import io.hostwright.manifest.Access;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.TableAccess;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway over real HTTP on a free port, with test functions standing in for the manifest's. */
class LocalGatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final CountDownLatch BOTH_ARRIVED = new CountDownLatch(2);

    private static LocalGateway gateway;
    private static LocalFunction things;

    @BeforeAll
    static void start() {
        FunctionSpec spec = new FunctionSpec("things-api", "test routes", EchoHandler.class.getName(), 256,
                Duration.ofSeconds(10),
                new Trigger.HttpApi(List.of(
                        HttpRoute.get("/v1/things/{thingId}", Access.PUBLIC),
                        HttpRoute.get("/v1/mine/{listId}/items/{itemId}", Access.CUSTOMER),
                        HttpRoute.post("/v1/admin/things", Access.STAFF),
                        HttpRoute.post("/v1/echo", Access.PUBLIC),
                        HttpRoute.get("/v1/created", Access.PUBLIC),
                        HttpRoute.get("/v1/boom", Access.PUBLIC),
                        HttpRoute.get("/v1/together", Access.PUBLIC))),
                TableAccess.NONE, Set.of(), false, Map.of());
        things = LocalFunction.start(spec, s -> new EchoHandler(), "eu-west-1");
        gateway = LocalGateway.start(0, List.of(things), List.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void buildsAPayload2EventForAPublicRoute() throws Exception {
        HttpResponse<String> response = send(get("/v1/things/t%2D1?color=red&color=blue&size=L")
                .header("X-Custom", "yes").build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = Json.MAPPER.readTree(response.body());
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /v1/things/{thingId}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/v1/things/t%2D1");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("color=red&color=blue&size=L");
        assertThat(event.path("pathParameters").path("thingId").asText()).isEqualTo("t-1");
        assertThat(event.path("queryStringParameters").path("color").asText()).isEqualTo("red,blue");
        assertThat(event.path("headers").path("x-custom").asText()).isEqualTo("yes");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(context.path("routeKey").asText()).isEqualTo("GET /v1/things/{thingId}");
        assertThat(context.path("http").path("method").asText()).isEqualTo("GET");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.path("requestId").asText()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(context.has("authorizer")).as("public routes carry no authorizer").isFalse();
        assertThat(event.path("function").asText()).isEqualTo("things-api");
        assertThat(event.path("remainingMs").asInt()).isBetween(1, 10_000);
    }

    @Test
    void answersUnknownRoutesLikeApiGateway() throws Exception {
        HttpResponse<String> unknown = send(get("/v2/nothing").build());
        HttpResponse<String> wrongMethod = send(get("/v1/echo").build());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
    }

    @Test
    void customerRoutesNeedAValidBearerToken() throws Exception {
        String route = "/v1/mine/l-1/items/i-2";
        String expired = gateway.jwt().sign(Map.of("iss", gateway.jwt().issuer(), "aud", "hostwright", "sub", "alice",
                "exp", Instant.now().minusSeconds(60).getEpochSecond()));
        String forged = new io.hostwright.local.jwt.LocalJwt(gateway.jwt().issuer(), "hostwright")
                .issue("alice", "alice@example.com", null, Duration.ofMinutes(5));

        for (HttpRequest refused : List.of(
                get(route).build(),
                get(route).header("Authorization", "Basic YWxpY2U6c2VjcmV0").build(),
                get(route).header("Authorization", "Bearer not-a-jwt").build(),
                get(route).header("Authorization", "Bearer " + expired).build(),
                get(route).header("Authorization", "Bearer " + forged).build())) {
            HttpResponse<String> response = send(refused);
            assertThat(response.statusCode()).as(refused.headers().toString()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
            assertThat(response.headers().firstValue("www-authenticate")).get().asString().startsWith("Bearer");
        }
    }

    @Test
    void passesTheVerifiedClaimsAndPathParameters() throws Exception {
        String token = token("{\"sub\":\"alice\",\"email\":\"alice@example.com\"}");

        HttpResponse<String> response = send(get("/v1/mine/l-1/items/i%202").header("Authorization", "Bearer " + token).build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = Json.MAPPER.readTree(response.body());
        assertThat(event.path("pathParameters").path("listId").asText()).isEqualTo("l-1");
        assertThat(event.path("pathParameters").path("itemId").asText()).isEqualTo("i 2");
        JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        assertThat(claims.path("sub").asText()).isEqualTo("alice");
        assertThat(claims.path("email").asText()).isEqualTo("alice@example.com");
        assertThat(claims.path("exp").isTextual()).as("API Gateway passes claims as strings").isTrue();
    }

    @Test
    void staffRoutesNeedTheAdminScope() throws Exception {
        String customer = token("{\"sub\":\"alice\",\"email\":\"alice@example.com\"}");
        String staff = token("{\"sub\":\"sam\",\"email\":\"sam@hostwright.local\",\"scope\":\"billing admin\"}");

        HttpResponse<String> forbidden = send(post("/v1/admin/things", "{}").header("Authorization", "Bearer " + customer).build());
        HttpResponse<String> allowed = send(post("/v1/admin/things", "{}").header("Authorization", "Bearer " + staff).build());

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(allowed.statusCode()).isEqualTo(200);
        JsonNode jwt = Json.MAPPER.readTree(allowed.body()).path("requestContext").path("authorizer").path("jwt");
        assertThat(jwt.path("scopes").toString()).isEqualTo("[\"billing\",\"admin\"]");
    }

    @Test
    void tokenRequestsNameTheBadField() throws Exception {
        Map<String, String> badBodies = new LinkedHashMap<>();
        badBodies.put("", "body");
        badBodies.put("[1]", "body");
        badBodies.put("{\"email\":\"a@example.com\"}", "sub");
        badBodies.put("{\"sub\":\"alice\",\"email\":\"not-an-address\"}", "email");
        badBodies.put("{\"sub\":\"alice\",\"email\":\"a@example.com\",\"scope\":7}", "scope");
        badBodies.put("{\"sub\":\"alice\",\"email\":\"a@example.com\",\"ttlSeconds\":0}", "ttlSeconds");

        for (Map.Entry<String, String> bad : badBodies.entrySet()) {
            HttpResponse<String> response = send(post("/local/token", bad.getKey()).build());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
            assertThat(Json.MAPPER.readTree(response.body()).path("errors").path(0).path("field").asText())
                    .as(bad.getKey()).isEqualTo(bad.getValue());
        }
    }

    @Test
    void issuesTokensTheAuthorizerAccepts() throws Exception {
        HttpResponse<String> response = send(post("/local/token",
                "{\"sub\":\"alice\",\"email\":\"alice@example.com\",\"ttlSeconds\":120}").build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("expiresIn").asLong()).isEqualTo(120);
        assertThat(gateway.jwt().verify(body.path("token").asText())).containsEntry("sub", "alice")
                .containsEntry("iss", "http://127.0.0.1:" + gateway.port() + "/local");
        assertThat(send(get("/local/.well-known/jwks.json").build()).body()).contains("\"kty\":\"RSA\"");
    }

    @Test
    void takesABareTokenAsApiGatewayDoes() throws Exception {
        String token = token("{\"sub\":\"alice\",\"email\":\"alice@example.com\"}");

        HttpResponse<String> response = send(get("/v1/mine/l-1/items/i-2").header("Authorization", token).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body()).path("requestContext").path("authorizer").path("jwt")
                .path("claims").path("sub").asText()).isEqualTo("alice");
    }

    @Test
    void servesTheApiDocumentAndAPageToReadIt() throws Exception {
        byte[] document;
        try (var in = LocalGatewayTest.class.getResourceAsStream("/openapi.yaml")) {
            document = in.readAllBytes();
        }
        JsonNode spec = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(document);

        HttpResponse<byte[]> yaml = HTTP.send(get("/openapi.yaml").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> page = send(get("/docs").build());
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/docs")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("content-type")).contains("application/yaml; charset=utf-8");
        assertThat(yaml.body()).isEqualTo(document);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        String html = page.body();
        assertThat(html).startsWith("<!doctype html>").contains("<a href=\"/openapi.yaml\">")
                .doesNotContain("<script", "src=\"http", "href=\"http", "@import");
        spec.path("paths").forEach(path -> path.forEach(operation ->
                assertThat(html).contains("id=\"op-" + operation.path("operationId").asText() + "\"")));
        spec.path("components").path("schemas").fieldNames().forEachRemaining(schema ->
                assertThat(html).contains("id=\"schema-" + schema + "\"", "href=\"#schema-" + schema + "\""));
        assertThat(send(post("/docs", "{}").build()).statusCode()).as("only GET and HEAD").isEqualTo(404);
        assertThat(send(get("/docs/").build()).statusCode()).isEqualTo(404);
    }

    private static final String MARK_HEADER = "x-tap-test";
    private static final String MARK = "taps";

    @Test
    void tapsSeeEachExchangeAndWhoAnsweredIt() throws Exception {
        java.util.Queue<GatewayExchange> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // taps are JVM-wide and an earlier test's last exchange can be published after this one opens: only this
        // test's own requests, marked, are counted
        try (GatewayTap tap = GatewayTap.open(e -> {
            if (MARK.equals(e.requestHeader(MARK_HEADER))) {
                seen.add(e);
            }
        })) {
            send(post("/v1/echo", "{\"hostname\":\"web1\"}").header(MARK_HEADER, MARK).build());
            send(get("/v1/mine/l-1/items/i-2").header(MARK_HEADER, MARK).build());
            send(get("/v2/nothing").header(MARK_HEADER, MARK).build());
            send(get("/v1/boom").header(MARK_HEADER, MARK).build());
            send(get("/local/.well-known/jwks.json").header(MARK_HEADER, MARK).build());
            // taps see an exchange once it is answered, a moment after the client has the answer
            io.hostwright.local.Eventually.await("five exchanges tapped", Duration.ofSeconds(5), () -> seen.size() >= 5);
        }
        send(get("/v1/things/after-close").header(MARK_HEADER, MARK).build());

        assertThat(seen).extracting(GatewayExchange::answeredBy, GatewayExchange::routeKey, GatewayExchange::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(GatewayExchange.Answerer.FUNCTION, "POST /v1/echo", 200),
                        org.assertj.core.groups.Tuple.tuple(GatewayExchange.Answerer.AUTHORIZER, "GET /v1/mine/{listId}/items/{itemId}", 401),
                        org.assertj.core.groups.Tuple.tuple(GatewayExchange.Answerer.GATEWAY, null, 404),
                        org.assertj.core.groups.Tuple.tuple(GatewayExchange.Answerer.GATEWAY, "GET /v1/boom", 500),
                        org.assertj.core.groups.Tuple.tuple(GatewayExchange.Answerer.LAPTOP, null, 200));
        GatewayExchange echo = seen.stream().filter(e -> e.answeredBy() == GatewayExchange.Answerer.FUNCTION).findFirst().orElseThrow();
        assertThat(new String(echo.requestBody())).isEqualTo("{\"hostname\":\"web1\"}");
        assertThat(echo.requestHeader("content-type")).isEqualTo("application/json");
        assertThat(echo.function()).isEqualTo("things-api");
        assertThat(echo.responseHeader("content-type")).isEqualTo("application/json");
        assertThat(Json.MAPPER.readTree(echo.responseBody()).path("routeKey").asText()).isEqualTo("POST /v1/echo");
        GatewayExchange refused = seen.stream().filter(e -> e.status() == 401).findFirst().orElseThrow();
        assertThat(new String(refused.responseBody())).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(refused.responseHeader("www-authenticate")).isEqualTo("Bearer");
    }

    @Test
    void base64EncodesBodiesThatAreNotText() throws Exception {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1, 2};

        JsonNode text = Json.MAPPER.readTree(send(post("/v1/echo", "{\"hostname\":\"web1\"}").build()).body());
        JsonNode bytes = Json.MAPPER.readTree(send(HttpRequest.newBuilder(uri("/v1/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build()).body());

        assertThat(text.path("body").asText()).isEqualTo("{\"hostname\":\"web1\"}");
        assertThat(text.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(bytes.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(bytes.path("body").asText())).isEqualTo(binary);
    }

    @Test
    void writesTheFunctionsStatusHeadersCookiesAndBody() throws Exception {
        HttpResponse<String> response = send(get("/v1/created").build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("location")).contains("/v1/things/t-9");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc");
        assertThat(response.body()).isEqualTo("made it");
    }

    @Test
    void aFailingFunctionIsA500WithoutDetails() throws Exception {
        HttpResponse<String> response = send(get("/v1/boom").build());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void servesRequestsConcurrentlyOnSeparateHandlerInstances() throws Exception {
        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(get("/v1/together").build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = HTTP.sendAsync(get("/v1/together").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(things.instances()).isGreaterThanOrEqualTo(2);
    }

    private static String token(String body) throws Exception {
        HttpResponse<String> response = send(post("/local/token", body).build());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).path("token").asText();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
    }

    private static URI uri(String path) {
        return URI.create(gateway.uri() + path);
    }

    /** Answers with the event it received (and a few context facts), or acts out the response under test. */
    public static final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            switch (event.getRouteKey()) {
                case "GET /v1/boom" -> throw new IllegalStateException("the handler broke");
                case "GET /v1/created" -> {
                    return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                            .withHeaders(Map.of("Location", "/v1/things/t-9", "Content-Type", "text/plain"))
                            .withCookies(List.of("session=abc"))
                            .withBody(Base64.getEncoder().encodeToString("made it".getBytes()))
                            .withIsBase64Encoded(true).build();
                }
                case "GET /v1/together" -> {
                    BOTH_ARRIVED.countDown();
                    try {
                        if (!BOTH_ARRIVED.await(5, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the second request never ran alongside");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> {
                }
            }
            Map<String, Object> echo = Json.MAPPER.convertValue(event, Map.class);
            echo.put("function", context.getFunctionName());
            echo.put("remainingMs", context.getRemainingTimeInMillis());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(Json.write(echo)).build();
        }
    }
}
