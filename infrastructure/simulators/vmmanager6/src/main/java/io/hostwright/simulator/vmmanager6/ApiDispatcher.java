package io.hostwright.simulator.vmmanager6;

import com.sun.net.httpserver.HttpExchange;
import io.hostwright.simulators.http.Call;
import io.hostwright.simulators.http.CallLog;
import io.hostwright.simulators.http.Router;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One VMmanager API call, in this order: latency, asleep (503, empty body), {@code /vm/v3/internal/…} (403 / 3001),
 * routing (404 / 1001, 405 / 1001), the {@code x-xsrf-token} (401 / 1000) unless the route is public, a scripted fault
 * or a random error (500), then the endpoint. Errors are {@code {"error": {"code", "msg", "value"}}}. Every answer
 * lands in the call log before it is sent; the call's arrival is logged first of all, so a test can count a call
 * the client gave up on while a delay fault still holds it.
 */
final class ApiDispatcher {

    static final String TOKEN_HEADER = "x-xsrf-token";
    static final String INTERNAL = "/vm/v3/internal/";

    private final Router<Endpoint> router;
    private final World world;
    private final Faults faults;
    private final CallLog log;
    private final Supplier<Settings> settings;
    private final Random random;
    private final InstantSource clock;

    ApiDispatcher(Router<Endpoint> router, World world, Faults faults, CallLog log, Supplier<Settings> settings,
                  Random random, InstantSource clock) {
        this.router = router;
        this.world = world;
        this.faults = faults;
        this.log = log;
        this.settings = settings;
        this.random = random;
        this.clock = clock;
    }

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String template = path;
        Map<String, String> headers = new HashMap<>();
        int status = 200;
        Object body;
        Router.Match<Endpoint> route = router.match(method, path);
        log.arrived(method, path, switch (route) {
            case Router.Found<Endpoint> f -> f.route().template();
            case Router.WrongMethod<Endpoint> w -> w.template();
            case Router.NotFound<Endpoint> n -> path;
        });
        try {
            Settings now = settings.get();
            pause(now.latency());
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (world.asleep()) {
                throw new Asleep();
            }
            if (path.startsWith(INTERNAL)) {
                throw new ApiError(403, ApiError.UNAUTHORIZED, "Unauthorized", null);
            }
            Router.Found<Endpoint> found = switch (route) {
                case Router.Found<Endpoint> f -> f;
                case Router.WrongMethod<Endpoint> w -> {
                    template = w.template();
                    headers.put("Allow", String.join(", ", w.allowed()));
                    throw new ApiError(405, ApiError.UNKNOWN_ROUTE, "Method " + method + " not allowed", method);
                }
                case Router.NotFound<Endpoint> n ->
                        throw new ApiError(404, ApiError.UNKNOWN_ROUTE, "Unknown route", path);
            };
            template = found.route().template();
            if (!AuthEndpoints.PUBLIC.contains(template)) {
                String token = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
                world.locked(() -> world.authenticate(token));
            }
            Answer.Status faulted = applyFault(method, template, path, headers);
            if (faulted != null) {
                body = faulted;
            } else if (now.errorRate() > 0 && random.nextDouble() < now.errorRate()) {
                throw new ApiError(500, 500, "Internal server error", null);
            } else {
                ApiRequest request = new ApiRequest(method, path, found.params(), query(exchange), Json.parse(raw));
                body = found.route().endpoint().handle(request);
            }
        } catch (Asleep e) {
            body = new Answer.Status(503, null);
        } catch (ApiError e) {
            status = e.status();
            body = e.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            System.err.println("VMmanager 6 simulator: " + method + " " + path + " failed: " + e);
            status = 500;
            body = new ApiError(500, 500, "Internal server error", null).body();
        }
        switch (body) {
            case Answer.Page page -> {
                log.add(new Call(clock.instant(), method, path, template, page.status()));
                Json.sendHtml(exchange, page.status(), "VMmanager", page.text());
            }
            case Answer.Status answer -> {
                log.add(new Call(clock.instant(), method, path, template, answer.status()));
                Json.send(exchange, answer.status(), answer.body(), headers);
            }
            default -> {
                log.add(new Call(clock.instant(), method, path, template, status));
                Json.send(exchange, status, body, headers);
            }
        }
    }

    /** The instance sleeps: 503 with no body. */
    private static final class Asleep extends RuntimeException {
        Asleep() {
            super(null, null, false, false);
        }
    }

    /** A scripted fault for this call: its answer (a 503 without body), or null once a delay has passed. */
    private Answer.Status applyFault(String method, String template, String path, Map<String, String> headers)
            throws InterruptedException {
        Optional<Fault.Effect> effect = faults.take(method, template, path);
        if (effect.isEmpty()) {
            return null;
        }
        switch (effect.get()) {
            case Fault.Answer answer -> {
                pause(answer.delay());
                if (answer.retryAfterSeconds() > 0) {
                    headers.put("Retry-After", String.valueOf(answer.retryAfterSeconds()));
                }
                return new Answer.Status(answer.status(), answer.body());
            }
            case Fault.Delay delay -> {
                pause(delay.delay());
                return null;
            }
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration);
        }
    }

    /** Query parameters, URL-decoded ({@code +} = space). */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(key, value);
            } catch (IllegalArgumentException e) {
                throw ApiError.invalid("query", "bad percent-encoding in '" + pair + "'");
            }
        }
        return query;
    }
}
