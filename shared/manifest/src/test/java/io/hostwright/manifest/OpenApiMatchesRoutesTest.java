package io.hostwright.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes exactly the routes the manifest deploys, with the same access rules. */
class OpenApiMatchesRoutesTest {

    private static JsonNode spec;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = OpenApiMatchesRoutesTest.class.getResourceAsStream("/openapi.yaml")) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static Map<String, HttpRoute> routes() {
        return Manifest.FUNCTIONS.stream()
                .filter(f -> f.trigger() instanceof Trigger.HttpApi)
                .flatMap(f -> ((Trigger.HttpApi) f.trigger()).routes().stream())
                .collect(Collectors.toMap(HttpRoute::routeKey, r -> r));
    }

    private static Set<String> documented() {
        Set<String> keys = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method ->
                    keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return keys;
    }

    @Test
    void everyDeployedRouteIsDocumentedAndNothingElse() {
        assertThat(documented()).containsExactlyInAnyOrderElementsOf(routes().keySet());
    }

    @Test
    void securityMatchesAccess() {
        boolean bearerByDefault = spec.at("/security/0").has("bearer");
        routes().values().forEach(route -> {
            JsonNode op = spec.at("/paths/" + route.path().replace("/", "~1") + "/" + route.method().toLowerCase(Locale.ROOT));
            JsonNode security = op.has("security") ? op.get("security") : spec.get("security");
            boolean needsToken = security.size() > 0 && security.get(0).has("bearer");
            assertThat(needsToken).as("%s security", route.routeKey()).isEqualTo(route.access().needsToken());
            if (route.access() == Access.STAFF) {
                assertThat(security.get(0).get("bearer").toString()).as(route.routeKey()).contains("admin");
            }
        });
        assertThat(bearerByDefault).isTrue();
    }

    @Test
    void pathParametersAreDeclared() {
        Pattern param = Pattern.compile("\\{([^}]+)}");
        routes().values().forEach(route -> {
            JsonNode op = spec.at("/paths/" + route.path().replace("/", "~1") + "/" + route.method().toLowerCase(Locale.ROOT));
            Matcher m = param.matcher(route.path());
            while (m.find()) {
                String name = m.group(1);
                boolean declared = false;
                for (JsonNode p : op.path("parameters")) {
                    declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(name)
                            && p.path("required").asBoolean();
                }
                assertThat(declared).as("%s declares path parameter %s", route.routeKey(), name).isTrue();
            }
        });
    }

    @Test
    void placingAnOrderRequiresTheIdempotencyKey() {
        JsonNode params = spec.at("/paths/~1v1~1orders/post/parameters");
        assertThat(params.findValuesAsText("name")).contains("Idempotency-Key");
        for (JsonNode p : params) {
            if (p.path("name").asText().equals("Idempotency-Key")) {
                assertThat(p.path("required").asBoolean()).isTrue();
            }
        }
    }
}
