package io.hostwright.simulator.tenantos;

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
 * One TenantOS API call, in this order: latency, routing (404/405), Bearer auth (401), a scripted fault or a random
 * error, then the endpoint. Every answer is {@code {"result": ..., "message": ...}} and lands in the call log
 * before it is sent, so a test reading the log after a response sees that call. The call's arrival is logged
 * first of all, so a test can count a call the client gave up on while a delay fault still holds it.
 */
final class ApiDispatcher {

    private final Router<Endpoint> router;
    private final String expectedAuthorization;
    private final Faults faults;
    private final CallLog log;
    private final Supplier<Settings> settings;
    private final Random random;
    private final InstantSource clock;

    ApiDispatcher(Router<Endpoint> router, String apiKey, Faults faults, CallLog log, Supplier<Settings> settings,
                  Random random, InstantSource clock) {
        this.router = router;
        this.expectedAuthorization = "Bearer " + apiKey;
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
        Object result;
        String message = "success";
        Router.Match<Endpoint> route = router.match(method, path);
        log.arrived(method, path, switch (route) {
            case Router.Found<Endpoint> f -> f.route().template();
            case Router.WrongMethod<Endpoint> w -> w.template();
            case Router.NotFound<Endpoint> n -> path;
        });
        try {
            Settings now = settings.get();
            pause(now.latency());
            byte[] body = exchange.getRequestBody().readAllBytes();
            Router.Found<Endpoint> found = switch (route) {
                case Router.Found<Endpoint> f -> f;
                case Router.WrongMethod<Endpoint> w -> {
                    template = w.template();
                    headers.put("Allow", String.join(", ", w.allowed()));
                    throw new ApiError(405, "The " + method + " method is not supported for this route.");
                }
                case Router.NotFound<Endpoint> n -> throw new ApiError(404, "Not found");
            };
            template = found.route().template();
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                throw new ApiError(401, "Unauthenticated.");
            }
            String failInstall = applyFault(method, template, path, headers);
            if (now.errorRate() > 0 && random.nextDouble() < now.errorRate()) {
                if (now.errorMode() == Settings.ErrorMode.HANG) {
                    pause(now.hangTime());
                }
                throw new ApiError(503, "Service Unavailable");
            }
            ApiRequest request = new ApiRequest(method, path, found.params(), query(exchange), Json.parse(body),
                    failInstall);
            result = found.route().endpoint().handle(request);
        } catch (ApiError e) {
            status = e.status();
            result = null;
            message = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            System.err.println("TenantOS simulator: " + method + " " + path + " failed: " + e);
            status = 500;
            result = null;
            message = "Server Error";
        }
        log.add(new Call(clock.instant(), method, path, template, status));
        Json.send(exchange, status, Json.obj("result", result, "message", message), headers);
    }

    /** A scripted fault for this call: answers by throwing, delays by sleeping, or marks the install to fail. */
    private String applyFault(String method, String template, String path, Map<String, String> headers)
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
                throw new ApiError(answer.status(), answer.message());
            }
            case Fault.Delay delay -> {
                pause(delay.delay());
                return null;
            }
            case Fault.FailInstall fail -> {
                return fail.message();
            }
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration);
        }
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }
}
