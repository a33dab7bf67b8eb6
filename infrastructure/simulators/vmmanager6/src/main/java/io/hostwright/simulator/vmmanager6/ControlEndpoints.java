package io.hostwright.simulator.vmmanager6;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.hostwright.simulators.http.Call;
import io.hostwright.simulators.http.PathPattern;
import io.hostwright.simulators.http.Router;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /_simulator/...}: the Java API over HTTP for another process (the laptop runtime's user, a script). No
 * auth, no latency, no faults, never asleep, not in the call log; plain JSON, errors as {@code {"message": ...}}:
 * 422 for a bad body (as the TenantOS simulator's control API), 404 for an unknown host, pool or cluster.
 */
final class ControlEndpoints {

    private static final long MAX_SLEEP_SECONDS = 86_400;

    private final VmManager6Simulator simulator;
    private final Router<Endpoint> router = new Router<>();

    ControlEndpoints(VmManager6Simulator simulator) {
        this.simulator = simulator;
        router.add("GET", "/_simulator/state", r -> simulator.stateView())
                .add("POST", "/_simulator/reset", r -> {
                    simulator.reset();
                    return Map.of();
                })
                .add("GET", "/_simulator/config", r -> settings(simulator.settings()))
                .add("PUT", "/_simulator/config", this::configure)
                .add("POST", "/_simulator/config", this::configure)
                .add("GET", "/_simulator/faults", r -> faults())
                .add("POST", "/_simulator/faults", this::addFault)
                .add("DELETE", "/_simulator/faults", this::clearFaults)
                .add("GET", "/_simulator/calls", r -> simulator.calls().stream().map(ControlEndpoints::call).toList())
                .add("DELETE", "/_simulator/calls", r -> {
                    simulator.clearCalls();
                    return Map.of();
                })
                .add("POST", "/_simulator/tasks/fail", this::failTasks)
                .add("POST", "/_simulator/sleep", this::sleep)
                .add("DELETE", "/_simulator/sleep", r -> {
                    simulator.wake();
                    return sleepView();
                })
                .add("POST", "/_simulator/tokens/expire", r -> {
                    simulator.expireTokens();
                    return Json.obj("tokenIssues", simulator.tokenIssues());
                })
                .add("GET", "/_simulator/hosts/{id}", r -> simulator.host(r.id("id", "Host")))
                .add("GET", "/_simulator/hosts/{id}/password", this::password)
                .add("GET", "/_simulator/hosts/{id}/traffic", r -> traffic(r.id("id", "Host")))
                .add("PUT", "/_simulator/hosts/{id}/traffic", this::trafficRate)
                .add("POST", "/_simulator/hosts/{id}/traffic/burst", this::trafficBurst)
                .add("POST", "/_simulator/ippools/{id}/exhaust", r -> {
                    long id = r.id("id", "IP pool");
                    simulator.exhaustPool(id);
                    return simulator.pool(id);
                })
                .add("POST", "/_simulator/ippools/{id}/release", r -> {
                    long id = r.id("id", "IP pool");
                    simulator.releasePool(id);
                    return simulator.pool(id);
                })
                .add("PUT", "/_simulator/ippools/{id}/size", this::poolSize)
                .add("POST", "/_simulator/ippools/{id}/size", this::poolSize)
                .add("PUT", "/_simulator/clusters/{id}/capacity", this::capacity)
                .add("POST", "/_simulator/clusters/{id}/capacity", this::capacity);
    }

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        Object body;
        try {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            body = switch (router.match(method, path)) {
                case Router.Found<Endpoint> f -> f.route().endpoint().handle(new ApiRequest(method, path, f.params(),
                        ApiDispatcher.query(exchange), Json.parse(raw)));
                case Router.WrongMethod<Endpoint> w ->
                        throw new ApiError(405, 0, "Use " + String.join(" or ", w.allowed()), null);
                case Router.NotFound<Endpoint> n -> throw new ApiError(404, 0, "Not found", null);
            };
        } catch (ApiError e) {
            status = e.status() == 400 ? 422 : e.status();
            body = Json.obj("message", e.getMessage());
        } catch (IllegalArgumentException | NoSuchElementException e) {
            status = e instanceof IllegalArgumentException ? 422 : 404;
            body = Json.obj("message", e.getMessage());
        }
        Json.send(exchange, status, body, Map.of());
    }

    /**
     * Any of {@code taskDurationMs} (every task; per-name durations dropped), {@code taskDurationsMs}
     * ({@code {"host_create": 1000, …}}), {@code tokenTtlMs}, {@code latencyMs}, {@code errorRate}; validated whole.
     */
    private Object configure(ApiRequest r) {
        Settings s = simulator.settings();
        if (r.present("taskDurationMs")) {
            s = s.withTaskDuration(millis(r, "taskDurationMs"));
        }
        if (r.present("taskDurationsMs")) {
            JsonNode durations = r.field("taskDurationsMs");
            if (!durations.isObject()) {
                throw ApiError.invalid("taskDurationsMs", "must be an object of task name → ms");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = durations.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                s = s.withTaskDuration(entry.getKey(), Duration.ofMillis(
                        ApiRequest.integer(entry.getValue(), "taskDurationsMs." + entry.getKey(), 0, 86_400_000)));
            }
        }
        if (r.present("tokenTtlMs")) {
            s = s.withTokenTtl(Duration.ofMillis(r.integer("tokenTtlMs", 1, 366L * 86_400_000)));
        }
        if (r.present("latencyMs")) {
            s = s.withLatency(millis(r, "latencyMs"));
        }
        if (r.present("errorRate")) {
            JsonNode rate = r.field("errorRate");
            if (!rate.isNumber()) {
                throw ApiError.invalid("errorRate", "must be a number from 0 to 1");
            }
            s = s.withErrorRate(rate.asDouble());
        }
        simulator.settings(s);
        return settings(s);
    }

    private static Duration millis(ApiRequest r, String field) {
        return Duration.ofMillis(r.integer(field, 0, 86_400_000));
    }

    /**
     * {@code {"match", "times"?, "status", "code"?, "message"?, "retryAfterSeconds"?, "delayMs"?}} (answer, after
     * {@code delayMs} when given) or {@code {"match", "times"?, "delayMs"}} (wait, then run);
     * {@code "untilCleared": true} instead of {@code times} makes it hold until cleared.
     */
    private Object addFault(ApiRequest r) {
        boolean untilCleared = r.flag("untilCleared", false);
        if (untilCleared && r.has("times")) {
            throw ApiError.invalid("times", "leave it out when untilCleared is true");
        }
        int times = r.present("times") ? (int) r.integer("times", 1, Integer.MAX_VALUE) : 1;
        String match = checkMatch(r.text("match"));
        Duration delay = r.present("delayMs") ? Duration.ofMillis(r.integer("delayMs", 0, 3_600_000)) : Duration.ZERO;
        Fault.Effect effect;
        if (r.present("delayMs") && !r.present("status")) {
            effect = new Fault.Delay(delay);
        } else {
            int status = (int) r.integer("status", 400, 599);
            int code = r.present("code") ? (int) r.integer("code", 0, Integer.MAX_VALUE) : status;
            String message = r.present("message") ? r.text("message") : Faults.defaultMessage(status);
            int retryAfter = r.present("retryAfterSeconds")
                    ? (int) r.integer("retryAfterSeconds", 0, 86_400) : status == 429 ? 1 : 0;
            effect = new Fault.Answer(status, code, message, retryAfter, delay);
        }
        if (untilCleared) {
            simulator.faults().untilCleared(match, effect);
        } else {
            simulator.faults().add(times, match, effect);
        }
        return faults();
    }

    /** Every fault, or with {@code ?match=…} those aimed at what it names; answers the pending list. */
    private Object clearFaults(ApiRequest r) {
        String match = r.query().get("match");
        if (match == null) {
            simulator.faults().clear();
        } else {
            simulator.faults().clear(checkMatch(match));
        }
        return faults();
    }

    private static String checkMatch(String match) {
        try {
            PathPattern.parse(match);
            return match;
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("match", "\"METHOD /path\" or \"/path\", got: " + match);
        }
    }

    /** {@code {"name": "host_create", "times"?: 1, "message"?: "…"}}; answers the pending failures by name. */
    private Object failTasks(ApiRequest r) {
        String name = r.text("name");
        if (!TaskNames.ALL.contains(name)) {
            throw ApiError.invalid("name", "one of " + TaskNames.ALL);
        }
        int times = r.present("times") ? (int) r.integer("times", 1, 1_000_000) : 1;
        String message = r.present("message") ? r.text("message") : "Task failed (simulated)";
        simulator.failNextTasks(name, times, message);
        return simulator.pendingTaskFailures();
    }

    /** {@code {"seconds": 30}} (fractions allowed; 0 wakes it). */
    private Object sleep(ApiRequest r) {
        JsonNode seconds = r.field("seconds");
        if (!seconds.isNumber() || seconds.asDouble() < 0 || seconds.asDouble() > MAX_SLEEP_SECONDS) {
            throw ApiError.invalid("seconds", "a number from 0 to " + MAX_SLEEP_SECONDS);
        }
        simulator.sleepFor(Duration.ofMillis(Math.round(seconds.asDouble() * 1_000)));
        return sleepView();
    }

    private Object sleepView() {
        return Json.obj("asleepUntil", simulator.asleepUntil().map(Object::toString).orElse(null));
    }

    private Object password(ApiRequest r) {
        long id = r.id("id", "Host");
        simulator.host(id);
        return Json.obj("hostId", id, "password", simulator.passwordOf(id).orElse(null));
    }

    private Object traffic(long hostId) {
        TrafficRate rate = simulator.trafficRate(hostId);
        return Json.obj("hostId", hostId, "bytesInPerSecond", rate.bytesInPerSecond(),
                "bytesOutPerSecond", rate.bytesOutPerSecond(), "poweredOn", simulator.host(hostId).poweredOn());
    }

    /** {@code {"bytesInPerSecond", "bytesOutPerSecond"}}, both required, 0..{@link TrafficRate#MAX}. */
    private Object trafficRate(ApiRequest r) {
        long id = r.id("id", "Host");
        long in = r.integer("bytesInPerSecond", 0, TrafficRate.MAX);
        long out = r.integer("bytesOutPerSecond", 0, TrafficRate.MAX);
        simulator.setTrafficRate(id, in, out);
        return traffic(id);
    }

    /** {@code {"bytesIn"?, "bytesOut"?}}, at least one, counted at now. */
    private Object trafficBurst(ApiRequest r) {
        long id = r.id("id", "Host");
        if (!r.present("bytesIn") && !r.present("bytesOut")) {
            throw ApiError.invalid("bytesIn", "bytesIn or bytesOut is required");
        }
        long in = r.present("bytesIn") ? r.integer("bytesIn", 0, TrafficMeter.MAX_BURST_BYTES) : 0;
        long out = r.present("bytesOut") ? r.integer("bytesOut", 0, TrafficMeter.MAX_BURST_BYTES) : 0;
        simulator.addTrafficBurst(id, in, out);
        return traffic(id);
    }

    /** {@code {"size": 10}}. */
    private Object poolSize(ApiRequest r) {
        long id = r.id("id", "IP pool");
        simulator.setPoolSize(id, (int) r.integer("size", 0, 1 << 24));
        return simulator.pool(id);
    }

    /** {@code {"hosts": 3}} or {@code {"hosts": null}} (no limit). */
    private Object capacity(ApiRequest r) {
        long id = r.id("id", "Cluster");
        if (!r.has("hosts")) {
            throw ApiError.required("hosts");
        }
        Long hosts = r.optionalInteger("hosts", 0, Integer.MAX_VALUE);
        simulator.setClusterCapacity(id, hosts == null ? null : (int) (long) hosts);
        return Json.obj("clusterId", id, "capacity", hosts);
    }

    private List<Map<String, Object>> faults() {
        return simulator.faults().pending().stream().map(ControlEndpoints::fault).toList();
    }

    static Map<String, Object> fault(Fault f) {
        Map<String, Object> view = Json.obj("match", f.match(), "remaining", f.untilCleared() ? null : f.remaining(),
                "untilCleared", f.untilCleared());
        switch (f.effect()) {
            case Fault.Answer a -> {
                view.put("status", a.status());
                view.put("code", a.code());
                view.put("message", a.message());
                view.put("retryAfterSeconds", a.retryAfterSeconds());
                if (!a.delay().isZero()) {
                    view.put("delayMs", a.delay().toMillis());
                }
            }
            case Fault.Delay d -> view.put("delayMs", d.delay().toMillis());
        }
        return view;
    }

    static Map<String, Object> settings(Settings s) {
        Map<String, Object> durations = new java.util.TreeMap<>();
        s.taskDurations().forEach((name, d) -> durations.put(name, d.toMillis()));
        return Json.obj("taskDurationMs", s.taskDuration().toMillis(), "taskDurationsMs", durations,
                "tokenTtlMs", s.tokenTtl().toMillis(), "latencyMs", s.latency().toMillis(),
                "errorRate", s.errorRate());
    }

    static Map<String, Object> call(Call c) {
        return Json.obj("at", c.at().toString(), "method", c.method(), "path", c.path(), "template", c.template(),
                "status", c.status());
    }
}
