package io.hostwright.local;

import io.hostwright.emulators.LocalAws;
import io.hostwright.emulators.LocalAwsExtension;
import io.hostwright.json.Json;
import io.hostwright.local.jwt.LocalJwt;
import io.hostwright.manifest.Access;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laptop gateway refuses every token API Gateway's JWT authorizer refuses, on every route of the manifest that
 * needs one, before any function runs: {@code alg: none} and HMAC, a wrong signature or tampered payload, a key id
 * not in the JWKS or none, expired, not yet valid, issued in the future, no expiry, another issuer, another audience,
 * malformed tokens and a missing or empty {@code Authorization} header — each 401 {@code {"message":"Unauthorized"}}
 * with API Gateway's {@code www-authenticate}. A valid token without {@code sub} passes the authorizer (as in AWS)
 * and every function answers it 401 itself. Routes added to the manifest are covered without touching this test.
 */
@ExtendWith(LocalAwsExtension.class)
class JwtAuthorizerEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start(LocalAws aws) {
        runtime = LocalRuntime.start(LocalRuntime.Settings.onFreePorts(), aws);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private static List<HttpRoute> tokenRoutes() {
        return Manifest.FUNCTIONS.stream()
                .filter(f -> f.trigger() instanceof Trigger.HttpApi)
                .flatMap(f -> ((Trigger.HttpApi) f.trigger()).routes().stream())
                .filter(r -> r.access().needsToken())
                .toList();
    }

    /** What API Gateway refuses, by what is wrong; all but the last few are signed with the runtime's own key. */
    private static Map<String, String> refusedAuthorizations() {
        LocalJwt jwt = runtime.jwt();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> valid = claims(jwt, now);
        String good = jwt.sign(valid);
        String[] parts = good.split("\\.");
        LocalJwt impostor = new LocalJwt(jwt.issuer(), jwt.audience());
        String impostorSigned = impostor.sign(Map.of("alg", "RS256", "typ", "JWT", "kid", jwt.keyId()), valid);
        Map<String, Object> mallory = new LinkedHashMap<>(valid);
        mallory.put("sub", "mallory");
        mallory.put("scope", "admin");

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("alg none", "Bearer " + encode(Map.of("alg", "none", "typ", "JWT", "kid", jwt.keyId())) + "."
                + encode(valid) + ".");
        refused.put("alg HS256", "Bearer " + encode(Map.of("alg", "HS256", "typ", "JWT", "kid", jwt.keyId())) + "."
                + encode(valid) + "." + BASE64URL.encodeToString("forged".getBytes(StandardCharsets.UTF_8)));
        refused.put("wrong signature", "Bearer " + impostorSigned);
        refused.put("tampered payload", "Bearer " + parts[0] + "." + encode(mallory) + "." + parts[2]);
        refused.put("key id not in the JWKS", "Bearer " + jwt.sign(Map.of("alg", "RS256", "kid", "retired-key"), valid));
        refused.put("no key id", "Bearer " + jwt.sign(Map.of("alg", "RS256", "typ", "JWT"), valid));
        refused.put("expired", "Bearer " + jwt.sign(with(valid, "exp", now - 60)));
        refused.put("not yet valid (nbf)", "Bearer " + jwt.sign(with(valid, "nbf", now + 600)));
        refused.put("issued in the future (iat)", "Bearer " + jwt.sign(with(valid, "iat", now + 600)));
        refused.put("no expiry", "Bearer " + jwt.sign(with(valid, "exp", null)));
        refused.put("wrong issuer", "Bearer " + jwt.sign(with(valid, "iss", "https://issuer.example.com/")));
        refused.put("wrong audience", "Bearer " + jwt.sign(with(valid, "aud", "another-api")));
        refused.put("no audience", "Bearer " + jwt.sign(with(valid, "aud", null)));
        refused.put("malformed", "Bearer not-a-jwt");
        refused.put("two parts", "Bearer " + parts[0] + "." + parts[1]);
        refused.put("header not JSON", "Bearer " + BASE64URL.encodeToString("{alg".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + "." + parts[2]);
        refused.put("another scheme", "Basic YWxpY2U6c2VjcmV0");
        return refused;
    }

    @Test
    void everyTokenApiGatewayRefusesIsA401OnEveryTokenRoute() throws Exception {
        List<HttpRoute> routes = tokenRoutes();
        assertThat(routes).as("customer and staff routes").hasSizeGreaterThan(20)
                .anyMatch(r -> r.access() == Access.CUSTOMER).anyMatch(r -> r.access() == Access.STAFF);
        Map<String, String> refused = refusedAuthorizations();

        for (HttpRoute route : routes) {
            for (Map.Entry<String, String> token : refused.entrySet()) {
                HttpResponse<String> response = send(route, token.getValue());
                assertThat(response.statusCode()).as("%s with a token: %s", route.routeKey(), token.getKey()).isEqualTo(401);
                assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
                assertThat(response.headers().firstValue("www-authenticate")).as(token.getKey()).get().asString()
                        .startsWith("Bearer scope=\"\" error=\"invalid_token\" error_description=");
            }
            for (String missing : new String[]{null, "", "Bearer ", "Bearer"}) {
                HttpResponse<String> response = send(route, missing);
                assertThat(response.statusCode()).as("%s with Authorization [%s]", route.routeKey(), missing).isEqualTo(401);
                assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
            }
        }
    }

    @Test
    void aTokenWithoutSubPassesTheAuthorizerAndEveryFunctionAnswers401() throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> noSubject = with(with(claims(runtime.jwt(), now), "sub", null), "scope", "admin");
        String token = "Bearer " + runtime.jwt().sign(noSubject);

        for (HttpRoute route : tokenRoutes()) {
            HttpResponse<String> response = send(route, token);
            assertThat(response.statusCode()).as("%s without sub", route.routeKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("content-type")).as(route.routeKey())
                    .contains("application/problem+json");
            assertThat(Json.MAPPER.readTree(response.body()).path("title").asText()).isEqualTo("Unauthenticated");
        }
    }

    @Test
    void acceptsWhatApiGatewayAccepts() throws Exception {
        long now = Instant.now().getEpochSecond();
        LocalJwt jwt = runtime.jwt();
        Map<String, Object> customer = claims(jwt, now);
        String clientIdInsteadOfAud = jwt.sign(with(with(customer, "aud", null), "client_id", jwt.audience()));
        String audienceList = jwt.sign(with(customer, "aud", List.of("another-api", jwt.audience())));
        String staffByScp = jwt.sign(with(with(customer, "sub", "sam"), "scp", List.of("admin")));
        HttpRoute services = HttpRoute.get("/v1/services", Access.CUSTOMER);
        HttpRoute connections = HttpRoute.get("/v1/admin/connections", Access.STAFF);

        assertThat(send(services, "Bearer " + clientIdInsteadOfAud).statusCode()).as("client_id without aud").isEqualTo(200);
        assertThat(send(services, "Bearer " + audienceList).statusCode()).as("aud as a list").isEqualTo(200);
        assertThat(send(connections, "Bearer " + staffByScp).statusCode()).as("admin in scp").isEqualTo(200);
        HttpResponse<String> customerOnStaff = send(connections, "Bearer " + jwt.sign(customer));
        assertThat(customerOnStaff.statusCode()).isEqualTo(403);
        assertThat(customerOnStaff.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(customerOnStaff.headers().firstValue("www-authenticate")).get().asString()
                .contains("error=\"insufficient_scope\"");
    }

    @Test
    void servesTheApiDocumentAndAPageToReadIt() throws Exception {
        HttpResponse<String> yaml = HTTP.send(HttpRequest.newBuilder(runtime.apiUri().resolve("/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(runtime.apiUri().resolve("/docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("content-type")).contains("application/yaml; charset=utf-8");
        try (var in = Manifest.class.getResourceAsStream("/openapi.yaml")) {
            assertThat(yaml.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(docs.body()).contains("<a href=\"/openapi.yaml\">", "id=\"op-placeOrder\"", "id=\"schema-Problem\"")
                .doesNotContain("<script");
    }

    private static Map<String, Object> claims(LocalJwt jwt, long now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", jwt.issuer());
        claims.put("sub", "jwt-e2e");
        claims.put("aud", jwt.audience());
        claims.put("email", "jwt-e2e@example.com");
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 300);
        return claims;
    }

    /** The claims with one changed, or removed when {@code value} is null. */
    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return changed;
    }

    private static String encode(Map<String, Object> json) {
        return BASE64URL.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRoute route, String authorization) throws Exception {
        String path = route.path().replaceAll("\\{[A-Za-z]+}", "nothing-here");
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.apiUri().resolve(path))
                .method(route.method(), route.method().equals("GET") || route.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
