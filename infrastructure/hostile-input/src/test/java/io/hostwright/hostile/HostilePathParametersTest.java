package io.hostwright.hostile;

import io.hostwright.domain.control.IpAddress;
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
 * Every route with path parameters, its request otherwise accepted, with one parameter of any length (0 to 5000)
 * and alphabet: a 404 (or a 400 naming the parameter), never a 5xx, nothing written.
 */
class HostilePathParametersTest extends WritesNothingProperties {


    record Sent(RouteCase route, String parameter, String value) {
    }

    @Property(tries = 3300, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void aPathParameterOfAnyLengthOrAlphabetIsA404OrA400NamingIt(@ForAll("parameters") Sent sent) {
        RouteCase route = sent.route();
        Statistics.label("route").collect(route.routeKey());
        Statistics.label("length").collect(sent.value().length() <= 64 ? "up to 64" : sent.value().length() <= 1024
                ? "65 to 1024" : "over 1024");
        Map<String, String> path = new LinkedHashMap<>(route.path());
        path.put(sent.parameter(), sent.value());
        HostileApi.Request accepted = route.accepted(api.fixture());
        HostileApi.Request request = new HostileApi.Request(route.routeKey(), path, accepted.query(),
                accepted.headers(), accepted.body(), false, accepted.caller());
        HostileApi.Answer answer = api.call(request);
        checking(() -> {
            Refusals.assertRefused(request, answer, Set.of(400, 404), answer.status() == 400 ? sent.parameter() : null);
        });
    }

    @Provide
    Arbitrary<Sent> parameters() {
        List<Arbitrary<Sent>> perRoute = api.cases().values().stream()
                .filter(route -> !route.path().isEmpty())
                .map(route -> Arbitraries.oneOf(route.path().entrySet().stream()
                        .map(p -> ids(p.getKey(), p.getValue()).map(value -> new Sent(route, p.getKey(), value)))
                        .toList()))
                .toList();
        return Arbitraries.oneOf(perRoute);
    }

    /**
     * Any string but the valid id: random, very long, and near misses of the id itself. An address that is one (not
     * the server's) is no hostile input: only the back-end knows the server's addresses, and it is asked.
     */
    private static Arbitrary<String> ids(String parameter, String valid) {
        Arbitrary<String> nearMisses = Combinators.combine(HostileValues.nastyToken(), Arbitraries.of(true, false))
                .as((nasty, before) -> before ? nasty + valid : valid + nasty);
        Arbitrary<String> longLookalikes = Arbitraries.integers().between(1, 5000)
                .map(n -> (valid + "a".repeat(n)).substring(0, Math.max(n, 1)));
        return Arbitraries.frequencyOf(
                        Tuple.of(4, HostileValues.strings(5000)),
                        Tuple.of(3, longLookalikes),
                        Tuple.of(1, nearMisses),
                        Tuple.of(1, Arbitraries.of("", " ", valid.toUpperCase(), valid + "/", "..", ".", "%2F")))
                .filter(v -> !v.equals(valid) && !(parameter.equals("ip") && IpAddress.isLiteral(v)));
    }
}
