package io.hostwright.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The other properties' control: every route's request as {@link RouteCases} builds it is accepted (2xx), each on a
 * fixture of its own where it changes something. So when a property changes one part of it and gets a refusal, the
 * refusal is that part's.
 */
class AcceptedRequestsTest {

    private final HostileApi api = HostileApi.shared();

    /** @param document which of the route's documents is sent (0 when it reads none) */
    record Sent(String routeKey, int document) {
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyRoutesRequestIsAcceptedAsBuilt(@ForAll("routes") Sent sent) {
        boolean read = sent.routeKey().startsWith("GET ");
        Fixture fixture = read ? api.fixture() : Fixture.create(api);
        Map<String, RouteCase> cases = read ? api.cases() : RouteCases.on(fixture, api.routes());
        RouteCase route = cases.get(sent.routeKey());
        HostileApi.Request request = route.readsBody() ? route.accepted(fixture, route.bodies().get(sent.document()))
                : route.accepted(fixture);
        HostileApi.Answer answer = api.call(request);
        if (answer.status() < 200 || answer.status() > 299) {
            throw new AssertionError("the request a route accepts was refused: " + answer.status() + " "
                    + HostileApi.shown(answer.body(), 600) + "\n  request: " + request.describe());
        }
    }

    @Provide
    Arbitrary<Sent> routes() {
        List<Sent> all = new ArrayList<>();
        api.cases().values().forEach(route -> {
            for (int i = 0; i < Math.max(1, route.bodies().size()); i++) {
                all.add(new Sent(route.routeKey(), i));
            }
        });
        return Arbitraries.of(all);
    }
}
