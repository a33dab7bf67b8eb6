package io.hostwright.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.json.Json;
import io.hostwright.manifest.Access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One route and the request that it accepts on a {@link Fixture}: the fixture's ids in the path, the body (if it
 * reads one) and the headers it needs. Each property changes one part of it into something hostile, so the refusal
 * it expects comes from that part.
 *
 * @param body        a document the route accepts; null when it reads no body
 * @param optional    the body may be left out (staff's optional {@code reason})
 * @param key         how the route treats {@code Idempotency-Key}
 * @param ifMatch     the ETag a change must carry; null when the route needs none
 * @param formatted   JSON pointers of strings with a format (ids, names from a list, hostnames): a string with a
 *                    control, non-ASCII or punctuation character in the middle is never one of them
 * @param anyScalar   JSON pointers of values that may be a string or a number (an order's options, a choice's
 *                    value); {@code *} stands for any one step
 * @param queryNames  query parameters the route reads
 */
record RouteCase(String routeKey, Access access, Map<String, String> path, Map<String, String> query,
                 ObjectNode body, boolean optional, Key key, String ifMatch, Set<String> formatted,
                 Set<String> anyScalar, List<String> queryNames) {

    enum Key { NONE, OPTIONAL, REQUIRED }

    static RouteCase of(String routeKey, Access access) {
        return new RouteCase(routeKey, access, Map.of(), Map.of(), null, false, Key.NONE, null, Set.of(), Set.of(),
                List.of());
    }

    RouteCase path(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(path);
        p.put(name, value);
        return new RouteCase(routeKey, access, Map.copyOf(p), query, body, optional, key, ifMatch, formatted,
                anyScalar, queryNames);
    }

    RouteCase query(Map<String, String> valid, String... names) {
        return new RouteCase(routeKey, access, path, Map.copyOf(valid), body, optional, key, ifMatch, formatted,
                anyScalar, List.of(names));
    }

    RouteCase body(ObjectNode document, String... formattedPointers) {
        return new RouteCase(routeKey, access, path, query, document, optional, key, ifMatch,
                Set.of(formattedPointers), anyScalar, queryNames);
    }

    RouteCase body(String json, String... formattedPointers) {
        return body((ObjectNode) Json.read(json, com.fasterxml.jackson.databind.JsonNode.class), formattedPointers);
    }

    RouteCase optionalBody() {
        return new RouteCase(routeKey, access, path, query, body, true, key, ifMatch, formatted, anyScalar,
                queryNames);
    }

    RouteCase anyScalar(String... pointers) {
        return new RouteCase(routeKey, access, path, query, body, optional, key, ifMatch, formatted,
                Set.of(pointers), queryNames);
    }

    RouteCase key(Key rule) {
        return new RouteCase(routeKey, access, path, query, body, optional, rule, ifMatch, formatted, anyScalar,
                queryNames);
    }

    RouteCase ifMatch(long version) {
        return new RouteCase(routeKey, access, path, query, body, optional, key, "\"" + version + "\"", formatted,
                anyScalar, queryNames);
    }

    RouteCase withAccess(Access who) {
        return new RouteCase(routeKey, who, path, query, body, optional, key, ifMatch, formatted, anyScalar,
                queryNames);
    }

    /** Whether {@code pointer} is one of {@link #anyScalar}. */
    boolean takesAnyScalar(String pointer) {
        String[] steps = pointer.split("/", -1);
        return anyScalar.stream().anyMatch(pattern -> {
            String[] wanted = pattern.split("/", -1);
            if (wanted.length != steps.length) {
                return false;
            }
            for (int i = 0; i < steps.length; i++) {
                if (!wanted[i].equals("*") && !wanted[i].equals(steps[i])) {
                    return false;
                }
            }
            return true;
        });
    }

    boolean readsBody() {
        return body != null;
    }

    /** The caller the route needs: staff, the fixture's customer, or nobody for public routes. */
    String caller(Fixture fixture) {
        return switch (access) {
            case PUBLIC -> null;
            case CUSTOMER -> fixture.customer;
            case STAFF -> HostileApi.STAFF;
        };
    }

    /** The headers the accepted request carries: JSON, a fresh key where one is read, the ETag where one is needed. */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (key != Key.NONE) {
            headers.put("idempotency-key", "fuzz-" + UUID.randomUUID());
        }
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        return headers;
    }

    /** The request the route accepts. */
    HostileApi.Request accepted(Fixture fixture) {
        return new HostileApi.Request(routeKey, path, query, headers(), body == null ? null : Json.write(body), false,
                caller(fixture));
    }
}
