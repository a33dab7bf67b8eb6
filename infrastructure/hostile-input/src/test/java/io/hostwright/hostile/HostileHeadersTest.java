package io.hostwright.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every route that reads {@code Idempotency-Key} or needs {@code If-Match}, its request otherwise accepted, with that
 * header absent (where it is required), empty, too long, not ASCII, or (If-Match) not the current version: a 400,
 * 412 or 428 naming the header, nothing written, nothing asked of the back-end.
 */
class HostileHeadersTest extends WritesNothingProperties {

    private static final String KEY = "Idempotency-Key";
    private static final String IF_MATCH = "If-Match";


    /** @param value null: the header is left out */
    record Sent(RouteCase route, String header, String value) {
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void aBadIdempotencyKeyOrIfMatchIsRefusedNamingTheHeader(@ForAll("headers") Sent sent) {
        RouteCase route = sent.route();
        Statistics.label("route").collect(route.routeKey());
        Statistics.label("header").collect(sent.header() + (sent.value() == null ? " left out" : ""));
        HostileApi.Request accepted = route.accepted(api.fixture());
        Map<String, String> headers = new LinkedHashMap<>(accepted.headers());
        headers.remove(sent.header().toLowerCase());
        if (sent.value() != null) {
            headers.put(sent.header(), sent.value());
        }
        HostileApi.Request request = new HostileApi.Request(route.routeKey(), accepted.path(), accepted.query(),
                headers, accepted.body(), false, accepted.caller());
        checking(() -> {
            Refusals.assertRefused(request, api.call(request), Set.of(400, 412, 428), sent.header());
        });
    }

    @Provide
    Arbitrary<Sent> headers() {
        List<Arbitrary<Sent>> perRoute = new ArrayList<>();
        for (RouteCase route : api.cases().values()) {
            List<Arbitrary<Sent>> choices = new ArrayList<>();
            if (route.key() != RouteCase.Key.NONE) {
                choices.add(badKeys(route.key() == RouteCase.Key.REQUIRED).map(v -> new Sent(route, KEY, v)));
            }
            if (route.ifMatch() != null) {
                choices.add(badVersions(route.ifMatch()).map(v -> new Sent(route, IF_MATCH, v)));
            }
            if (!choices.isEmpty()) {
                perRoute.add(Arbitraries.oneOf(choices));
            }
        }
        return Arbitraries.oneOf(perRoute);
    }

    /** Keys are 1 to 255 visible ASCII characters; left out or empty counts only where a key is required. */
    private static Arbitrary<String> badKeys(boolean required) {
        Arbitrary<String> tooLong = Arbitraries.strings().withCharRange('!', '~').ofMinLength(256).ofMaxLength(5000);
        Arbitrary<String> notVisibleAscii = HostileValues.notAscii(300);
        Arbitrary<String> spaced = Arbitraries.of(" ", "key with spaces", "\t", "k\u0000", "ключ", "k\u00A0");
        Arbitrary<String> bad = Arbitraries.frequencyOf(Tuple.of(2, tooLong), Tuple.of(3, notVisibleAscii),
                Tuple.of(1, spaced));
        return required ? Arbitraries.frequencyOf(Tuple.of(6, bad), Tuple.of(1, Arbitraries.of(""))).injectNull(0.15)
                : bad;
    }

    /** Left out (428), not a version (400), or a version that is not the current one (412). */
    private static Arbitrary<String> badVersions(String current) {
        long version = Long.parseLong(current.replace("\"", ""));
        Arbitrary<String> stale = Arbitraries.longs().between(1, Long.MAX_VALUE).filter(v -> v != version)
                .flatMap(v -> Arbitraries.of("\"" + v + "\"", "W/\"" + v + "\"", Long.toString(v)));
        Arbitrary<String> notAVersion = Arbitraries.frequencyOf(
                Tuple.of(3, HostileValues.malformed(300)),
                Tuple.of(1, Arbitraries.of("*", "\"0\"", "\"-1\"", "\"99999999999999999999999\"", "\"1.5\"", "W/",
                        "\"\"", "\"1\", \"2\"", "0x1", "1e3")));
        return Arbitraries.frequencyOf(Tuple.of(3, stale), Tuple.of(3, notAVersion),
                Tuple.of(1, Arbitraries.of(" ", ""))).injectNull(0.15);
    }
}
