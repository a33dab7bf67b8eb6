package io.hostwright.hostile;

import io.hostwright.hostile.HostileBodies.HostileBody;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every route that reads a body, on the fixture's own ids with the headers it needs, sent a body it must refuse
 * under any content type: a 400 (413 past 64 KiB) problem naming the body or a field, nothing written, nothing asked
 * of the back-end.
 */
class HostileBodiesTest extends WritesNothingProperties {


    record Sent(RouteCase route, HostileBody body, String contentType) {
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void aHostileBodyIsA400Or413NamingTheBodyOrAFieldAndWritesNothing(@ForAll("bodies") Sent sent) {
        RouteCase route = sent.route();
        Statistics.label("route").collect(route.routeKey());
        Statistics.label("body").collect(sent.body().kind());
        Map<String, String> headers = new LinkedHashMap<>(route.headers());
        headers.remove("content-type");
        if (sent.contentType() != null) {
            headers.put("Content-Type", sent.contentType());
        }
        HostileApi.Request request = new HostileApi.Request(route.routeKey(), route.path(), route.query(), headers,
                sent.body().body(), sent.body().base64(), route.caller(api.fixture()));
        checking(() -> {
            Refusals.assertRefused(request, api.call(request), Set.of(400, 413), null);
        });
    }

    @Provide
    Arbitrary<Sent> bodies() {
        List<Arbitrary<Sent>> perRoute = api.cases().values().stream().filter(RouteCase::readsBody)
                .map(route -> Combinators.combine(HostileBodies.of(route), HostileValues.contentTypes().injectNull(0.1))
                        .as((body, type) -> new Sent(route, body, type)))
                .toList();
        return Arbitraries.oneOf(perRoute);
    }
}
