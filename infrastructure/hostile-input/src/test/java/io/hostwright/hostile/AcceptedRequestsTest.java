package io.hostwright.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Map;

/**
 * The other properties' control: every route's request as {@link RouteCases} builds it is accepted (2xx), each on a
 * fixture of its own where it changes something. So when a property changes one part of it and gets a refusal, the
 * refusal is that part's.
 */
class AcceptedRequestsTest {

    private final HostileApi api = HostileApi.shared();

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyRoutesRequestIsAcceptedAsBuilt(@ForAll("routes") String routeKey) {
        boolean read = routeKey.startsWith("GET ");
        Fixture fixture = read ? api.fixture() : Fixture.create(api);
        Map<String, RouteCase> cases = read ? api.cases() : RouteCases.on(fixture, api.routes());
        HostileApi.Request request = cases.get(routeKey).accepted(fixture);
        HostileApi.Answer answer = api.call(request);
        if (answer.status() < 200 || answer.status() > 299) {
            throw new AssertionError("the request a route accepts was refused: " + answer.status() + " "
                    + HostileApi.shown(answer.body(), 600) + "\n  request: " + request.describe());
        }
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of(api.routes().keySet());
    }
}
