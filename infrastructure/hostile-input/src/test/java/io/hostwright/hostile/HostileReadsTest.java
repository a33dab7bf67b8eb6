package io.hostwright.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every read ({@code GET}) route on the fixture's ids, with hostile values for the query parameters it reads, query
 * parameters it does not know, any {@code Accept} and a body it should ignore: a 200, or a 400 naming the parameter
 * at fault; never a 5xx, never a write.
 */
class HostileReadsTest extends WritesNothingProperties {


    record Sent(RouteCase route, Map<String, String> query, String accept, String body) {
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void aReadWithHostileQueryParametersIsA200OrA400NamingOneAndWritesNothing(@ForAll("reads") Sent sent) {
        RouteCase route = sent.route();
        Statistics.label("route").collect(route.routeKey());
        HostileApi.Request accepted = route.accepted(api.fixture());
        Map<String, String> headers = new LinkedHashMap<>(accepted.headers());
        if (sent.accept() != null) {
            headers.put("Accept", sent.accept());
        }
        HostileApi.Request request = new HostileApi.Request(route.routeKey(), accepted.path(), sent.query(), headers,
                sent.body(), false, accepted.caller());
        HostileApi.Answer answer = api.call(request);
        Statistics.label("status").collect(answer.status());
        checking(() -> {
            if (answer.status() == 400) {
                Refusals.assertRefused(request, answer, Set.of(400), null);
                String named = Refusals.fieldsNamed(answer).getFirst();
                if (!route.queryNames().contains(named)) {
                    throw new AssertionError("the 400 names " + named + ", not a query parameter of the route "
                            + route.queryNames() + "\n  request: " + request.describe());
                }
            } else {
                Refusals.assertAnsweredWithoutWriting(request, answer, Set.of(200));
            }
        });
    }

    @Provide
    Arbitrary<Sent> reads() {
        List<Arbitrary<Sent>> perRoute = api.cases().values().stream()
                .filter(route -> route.routeKey().startsWith("GET "))
                .map(route -> Combinators.combine(query(route), Arbitraries.of("application/json", "text/csv",
                                        "text/csv, application/json", "*/*", "application/xml").injectNull(0.4),
                                HostileValues.strings(2000).injectNull(0.7))
                        .as((query, accept, body) -> new Sent(route, query, accept, body)))
                .toList();
        return Arbitraries.oneOf(perRoute);
    }

    /** The route's valid query with some of its parameters made hostile, and parameters it does not read. */
    private static Arbitrary<Map<String, String>> query(RouteCase route) {
        Arbitrary<Map<String, String>> unknown = Arbitraries.maps(HostileValues.strings(40)
                .filter(name -> !route.queryNames().contains(name)), HostileValues.strings(500)).ofMaxSize(3);
        if (route.queryNames().isEmpty()) {
            return unknown;
        }
        Arbitrary<Map<String, String>> hostile = Arbitraries.subsetOf(route.queryNames()).ofMinSize(1)
                .flatMap(names -> {
                    List<String> ordered = List.copyOf(names);
                    return Combinators.combine(ordered.stream().map(HostileReadsTest::value).toList())
                            .as(values -> {
                                Map<String, String> query = new LinkedHashMap<>(route.query());
                                for (int i = 0; i < ordered.size(); i++) {
                                    query.put(ordered.get(i), values.get(i));
                                }
                                return query;
                            });
                });
        return Combinators.combine(hostile, unknown).as((known, extra) -> {
            Map<String, String> query = new LinkedHashMap<>(extra);
            query.putAll(known);
            return query;
        });
    }

    /** Any text, and for each parameter the values that sit on its edges. */
    private static Arbitrary<String> value(String parameter) {
        List<String> edges = switch (parameter) {
            case "from", "to" -> List.of("-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z",
                    "1970-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "2026-11-22T10:00:00Z", "2026-11-22", "now",
                    "1e10", "");
            case "resolution" -> List.of("5min", "hourly", "daily", "HOURLY", "weekly", "", "5MIN ");
            case "period" -> List.of("2027-13", "0000-01", "-999999999-01", "+999999999-12", "2027-1", "2027",
                    " 2027-01 ", "");
            case "limit" -> List.of("0", "-1", "1001", "2147483648", "99999999999999999999", "1e3", " 5 ", "");
            case "after" -> List.of("eyJwayI6IngifQ", "AAAA", "%%%", "=", "", "x".repeat(3000));
            case "state" -> List.of("free", "held", "FREE", "all", "", " ");
            default -> List.of("", " ");
        };
        return Arbitraries.frequencyOf(Tuple.of(3, HostileValues.strings(3000)), Tuple.of(3, Arbitraries.of(edges)));
    }
}
