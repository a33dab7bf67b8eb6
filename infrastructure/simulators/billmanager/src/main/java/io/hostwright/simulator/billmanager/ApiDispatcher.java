package io.hostwright.simulator.billmanager;

import com.sun.net.httpserver.HttpExchange;
import io.hostwright.simulators.http.Call;
import io.hostwright.simulators.http.CallLog;

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
 * One BILLmanager API call, in this order: arrival logged, latency, path ({@code /billmgr} only, else 404) and method
 * (GET or POST, else 405), parameters (query, then a form body), {@code func} (missed / unknown), {@code out=json}
 * (missed / value), credentials unless the func is public, a scripted fault or a random error (500), then the func.
 * A call is logged and matched as {@code /billmgr/<func>} (plain {@code /billmgr} when it names none).
 */
final class ApiDispatcher {

    static final String PATH = "/billmgr";

    private final Funcs funcs;
    private final World world;
    private final Faults faults;
    private final CallLog log;
    private final Supplier<Settings> settings;
    private final Random random;
    private final InstantSource clock;

    ApiDispatcher(Funcs funcs, World world, Faults faults, CallLog log, Supplier<Settings> settings, Random random,
                  InstantSource clock) {
        this.funcs = funcs;
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
        Map<String, String> headers = new HashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        BillError badInput = null;
        byte[] raw = exchange.getRequestBody().readAllBytes();
        try {
            values.putAll(decode(exchange.getRequestURI().getRawQuery(), "query"));
            if (method.equals("POST")) {
                values.putAll(decode(new String(raw, StandardCharsets.UTF_8), "body"));
            }
        } catch (BillError e) {
            badInput = e;
        }
        String func = values.get("func");
        String logged = path.equals(PATH) && func != null && !func.isBlank() && !func.contains("/")
                ? PATH + "/" + func.trim() : path;
        log.arrived(method, logged, logged);
        int status = 200;
        Object body;
        try {
            pause(settings.get().latency());
            if (!path.equals(PATH) && !path.equals(PATH + "/")) {
                throw new BillError(404, BillError.UNKNOWN, null, "Not found: " + path);
            }
            if (!method.equals("GET") && !method.equals("POST")) {
                headers.put("Allow", "GET, POST");
                throw new BillError(405, BillError.UNKNOWN, null, "Method " + method + " not allowed");
            }
            if (badInput != null) {
                throw badInput;
            }
            Params params = new Params(values);
            String name = params.required("func").trim();
            Funcs.Func handler = funcs.get(name);
            if (handler == null) {
                throw new BillError(BillError.UNKNOWN, name, "Unknown function '" + name + "'");
            }
            if (!"json".equals(params.required("out").trim())) {
                throw BillError.value("out", "the simulator answers out=json only");
            }
            if (!Funcs.PUBLIC.contains(name)) {
                world.locked(() -> world.authenticate(params));
            }
            Fault.Answer faulted = applyFault(method, logged, headers);
            if (faulted != null) {
                status = faulted.status();
                body = faulted.body();
            } else if (settings.get().errorRate() > 0 && random.nextDouble() < settings.get().errorRate()) {
                throw new BillError(500, BillError.INTERNAL, null, "Internal server error");
            } else {
                body = world.locked(() -> handler.handle(params));
            }
        } catch (BillError e) {
            status = e.status();
            body = e.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            System.err.println("BILLmanager simulator: " + method + " " + logged + " failed: " + e);
            status = 500;
            body = BillError.body(BillError.INTERNAL, null, "Internal server error");
        }
        log.add(new Call(clock.instant(), method, logged, logged, status));
        Json.send(exchange, status, body, headers);
    }

    /** A scripted answer for this call, or null (no fault, or a delay that has passed). */
    private Fault.Answer applyFault(String method, String logged, Map<String, String> headers)
            throws InterruptedException {
        Optional<Fault.Effect> effect = faults.take(method, logged);
        if (effect.isEmpty()) {
            return null;
        }
        switch (effect.get()) {
            case Fault.Answer answer -> {
                pause(answer.delay());
                if (answer.retryAfterSeconds() > 0) {
                    headers.put("Retry-After", String.valueOf(answer.retryAfterSeconds()));
                }
                return answer;
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

    /** {@code a=1&b=2}, URL-decoded ({@code +} = space); a later key wins. */
    static Map<String, String> decode(String raw, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.put(key, value);
            } catch (IllegalArgumentException e) {
                throw BillError.value(where, "bad percent-encoding in '" + pair + "'");
            }
        }
        return values;
    }
}
