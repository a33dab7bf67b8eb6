package io.hostwright.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostwright.json.Json;
import io.hostwright.manifest.Access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One route and the requests that it accepts on a {@link Fixture}: the fixture's ids in the path, a body (if it
 * reads one) and the headers it needs. Each property changes one part of it into something hostile, so the refusal
 * it expects comes from that part.
 *
 * @param bodies      documents the route accepts (one per back-end where the back-end checks them); empty when it
 *                    reads no body
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
                 List<ObjectNode> bodies, boolean optional, Key key, String ifMatch, Set<String> formatted,
                 Set<String> anyScalar, List<String> queryNames) {

    enum Key { NONE, OPTIONAL, REQUIRED }

    static RouteCase of(String routeKey, Access access) {
        return new RouteCase(routeKey, access, Map.of(), Map.of(), List.of(), false, Key.NONE, null, Set.of(),
                Set.of(), List.of());
    }

    RouteCase path(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(path);
        p.put(name, value);
        return new RouteCase(routeKey, access, Map.copyOf(p), query, bodies, optional, key, ifMatch, formatted,
                anyScalar, queryNames);
    }

    RouteCase query(Map<String, String> valid, String... names) {
        return new RouteCase(routeKey, access, path, Map.copyOf(valid), bodies, optional, key, ifMatch, formatted,
                anyScalar, List.of(names));
    }

    /** Adds a document the route accepts; the pointers are those of every document. */
    RouteCase body(ObjectNode document, String... formattedPointers) {
        List<ObjectNode> more = new ArrayList<>(bodies);
        more.add(document);
        return new RouteCase(routeKey, access, path, query, List.copyOf(more), optional, key, ifMatch,
                Set.of(formattedPointers), anyScalar, queryNames);
    }

    RouteCase body(String json, String... formattedPointers) {
        return body((ObjectNode) Json.read(json, JsonNode.class), formattedPointers);
    }

    RouteCase optionalBody() {
        return new RouteCase(routeKey, access, path, query, bodies, true, key, ifMatch, formatted, anyScalar,
                queryNames);
    }

    RouteCase anyScalar(String... pointers) {
        return new RouteCase(routeKey, access, path, query, bodies, optional, key, ifMatch, formatted,
                Set.of(pointers), queryNames);
    }

    RouteCase key(Key rule) {
        return new RouteCase(routeKey, access, path, query, bodies, optional, rule, ifMatch, formatted, anyScalar,
                queryNames);
    }

    RouteCase ifMatch(long version) {
        return new RouteCase(routeKey, access, path, query, bodies, optional, key, "\"" + version + "\"", formatted,
                anyScalar, queryNames);
    }

    RouteCase withAccess(Access who) {
        return new RouteCase(routeKey, who, path, query, bodies, optional, key, ifMatch, formatted, anyScalar,
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
        return !bodies.isEmpty();
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

    /** The request the route accepts, with its first document. */
    HostileApi.Request accepted(Fixture fixture) {
        return accepted(fixture, bodies.isEmpty() ? null : bodies.getFirst());
    }

    /** The request the route accepts, with {@code document} as its body. */
    HostileApi.Request accepted(Fixture fixture, ObjectNode document) {
        return new HostileApi.Request(routeKey, path, query, headers(), document == null ? null : Json.write(document),
                false, caller(fixture));
    }
}
