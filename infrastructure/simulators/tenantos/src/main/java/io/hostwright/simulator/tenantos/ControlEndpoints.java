package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.hostwright.simulators.http.Call;
import io.hostwright.simulators.http.PathPattern;
import io.hostwright.simulators.http.Router;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /_simulator/...}: the Java API over HTTP for another process (the laptop runtime's user, a script). No
 * auth, no latency, no faults, not in the call log; plain JSON (no envelope), errors as {@code {"message": ...}}.
 */
final class ControlEndpoints {

    private final TenantOsSimulator simulator;
    private final Router<Endpoint> router = new Router<>();

    ControlEndpoints(TenantOsSimulator simulator) {
        this.simulator = simulator;
        router.add("GET", "/_simulator/state", r -> simulator.stateView())
                .add("GET", "/_simulator/servers/{id}", r -> simulator.server(r.id("id", "Server")))
                .add("GET", "/_simulator/servers/{id}/rootPassword", this::rootPassword)
                .add("GET", "/_simulator/servers/{id}/rescuePassword", this::rescuePassword)
                .add("POST", "/_simulator/servers/{id}/reassign", this::reassign)
                .add("POST", "/_simulator/servers/{id}/powerFeatures", this::powerFeatures)
                .add("POST", "/_simulator/servers/{id}/ports/{portId}", this::port)
                .add("GET", "/_simulator/servers/{id}/traffic", r -> traffic(simulator.traffic(r.id("id", "Server"))))
                .add("PUT", "/_simulator/servers/{id}/traffic", this::trafficRate)
                .add("POST", "/_simulator/servers/{id}/traffic/burst", this::trafficBurst)
                .add("POST", "/_simulator/servers/{id}/traffic/reset", this::counterReset)
                .add("GET", "/_simulator/ssoTokens", r -> simulator.ssoTokens().stream()
                        .map(ControlEndpoints::ssoToken).toList())
                .add("GET", "/_simulator/calls", r -> simulator.calls().stream().map(ControlEndpoints::call).toList())
                .add("DELETE", "/_simulator/calls", r -> {
                    simulator.clearCalls();
                    return Map.of();
                })
                .add("GET", "/_simulator/faults", r -> faults())
                .add("POST", "/_simulator/faults", this::addFault)
                .add("DELETE", "/_simulator/faults", this::clearFaults)
                .add("GET", "/_simulator/config", r -> settings(simulator.settings()))
                .add("POST", "/_simulator/config", this::configure)
                .add("POST", "/_simulator/profiles", this::addProfile)
                .add("PUT", "/_simulator/profiles/{id}", this::renameProfile)
                .add("DELETE", "/_simulator/profiles/{id}", r -> {
                    simulator.removeProfile(r.id("id", "Profile"));
                    return Map.of();
                })
                .add("POST", "/_simulator/reset", r -> {
                    simulator.reset();
                    return Map.of();
                });
    }

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        Object body;
        try {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            body = switch (router.match(method, path)) {
                case Router.Found<Endpoint> f -> f.route().endpoint()
                        .handle(new ApiRequest(method, path, f.params(), ApiDispatcher.query(exchange),
                                Json.parse(raw), null));
                case Router.WrongMethod<Endpoint> w ->
                        throw new ApiError(405, "Use " + String.join(" or ", w.allowed()));
                case Router.NotFound<Endpoint> n -> throw new ApiError(404, "Not found");
            };
        } catch (ApiError e) {
            status = e.status();
            body = Json.obj("message", e.getMessage());
        } catch (IllegalArgumentException | NoSuchElementException e) {
            status = e instanceof IllegalArgumentException ? 422 : 404;
            body = Json.obj("message", e.getMessage());
        }
        Json.send(exchange, status, body, Map.of());
    }

    private Object rootPassword(ApiRequest r) {
        long id = r.id("id", "Server");
        simulator.server(id);
        return Json.obj("serverId", id, "rootPassword", simulator.rootPasswordOf(id).orElse(null));
    }

    private Object rescuePassword(ApiRequest r) {
        long id = r.id("id", "Server");
        simulator.server(id);
        return Json.obj("serverId", id, "rescuePassword", simulator.rescuePasswordOf(id).orElse(null));
    }

    /** {@code {"userId": 7}} or {@code {"userId": null}}: staff reassigned the server by hand. */
    private Object reassign(ApiRequest r) {
        long id = r.id("id", "Server");
        if (!r.has("userId")) {
            throw ApiError.required("userId");
        }
        Long userId = r.field("userId").isNull() ? null : r.requiredLong("userId", "userId");
        simulator.reassign(id, userId);
        return simulator.server(id);
    }

    /** {@code {"powerFeatures": ["setPowerOn", "setPowerOff"]}}. */
    private Object powerFeatures(ApiRequest r) {
        long id = r.id("id", "Server");
        simulator.setPowerFeatures(id, r.textList("powerFeatures", "powerFeatures"));
        return simulator.server(id);
    }

    /** {@code {"manageable"?: false, "enabled"?: true}}: the switch as staff left it. */
    private Object port(ApiRequest r) {
        long id = r.id("id", "Server");
        long portId = r.id("portId", "Port");
        JsonNode manageable = r.field("manageable");
        JsonNode enabled = r.field("enabled");
        if (!manageable.isMissingNode() && !manageable.isBoolean() || !enabled.isMissingNode() && !enabled.isBoolean()) {
            throw new ApiError(422, "manageable and enabled must be true or false.");
        }
        simulator.server(id).port(portId);
        if (manageable.isBoolean()) {
            simulator.setPortManageable(id, portId, manageable.booleanValue());
        }
        if (enabled.isBoolean()) {
            simulator.setPortEnabled(id, portId, enabled.booleanValue());
        }
        return simulator.server(id).port(portId);
    }

    /** {@code {"bytesInPerSecond": 5000000000, "bytesOutPerSecond": 1000000000}}: from now on; answers the traffic. */
    private Object trafficRate(ApiRequest r) {
        long id = r.id("id", "Server");
        long in = r.requiredAmount("bytesInPerSecond", "bytesInPerSecond", TrafficRate.MAX);
        long out = r.requiredAmount("bytesOutPerSecond", "bytesOutPerSecond", TrafficRate.MAX);
        simulator.setTrafficRate(id, in, out);
        return traffic(simulator.traffic(id));
    }

    /** {@code {"bytesIn"?: 1000000000000, "bytesOut"?: 0}} (at least one) counted at now; answers the traffic. */
    private Object trafficBurst(ApiRequest r) {
        long id = r.id("id", "Server");
        if (!r.present("bytesIn") && !r.present("bytesOut")) {
            throw new ApiError(422, "The bytesIn or bytesOut field is required.");
        }
        long in = r.present("bytesIn") ? r.requiredAmount("bytesIn", "bytesIn", NetworkTraffic.MAX_BURST_BYTES) : 0;
        long out = r.present("bytesOut") ? r.requiredAmount("bytesOut", "bytesOut", NetworkTraffic.MAX_BURST_BYTES)
                : 0;
        simulator.addTrafficBurst(id, in, out);
        return traffic(simulator.traffic(id));
    }

    /** No body: the switch counter starts from 0 now; answers what the interval holding now loses. */
    private Object counterReset(ApiRequest r) {
        CounterReset reset = simulator.resetTrafficCounter(r.id("id", "Server"));
        return Json.obj("serverId", reset.serverId(), "at", reset.at().toString(),
                "droppedBytesIn", reset.droppedBytesIn(), "droppedBytesOut", reset.droppedBytesOut());
    }

    /**
     * One of {@code {"match", "times"?, "status", "message"?, "retryAfterSeconds"?, "delayMs"?}} (answer, after
     * {@code delayMs} when given), {@code {"match", "times"?, "delayMs"}} (wait, then run) or
     * {@code {"failInstall": true, "times"?, "match"?}}; {@code "untilCleared": true} instead of {@code times} makes
     * it hold for every matching call until cleared.
     */
    private Object addFault(ApiRequest r) {
        boolean untilCleared = r.has("untilCleared") && flag(r, "untilCleared");
        if (untilCleared && r.has("times")) {
            throw new ApiError(422, "The times field must be left out when untilCleared is true.");
        }
        int times = r.has("times") ? (int) r.requiredAmount("times", "times", Integer.MAX_VALUE) : 1;
        Fault.Effect effect;
        String match;
        if (r.has("failInstall")) {
            match = r.has("match") ? match(r) : Faults.START_REINSTALLATION;
            effect = new Fault.FailInstall(r.has("message") ? r.requiredText("message", "message")
                    : "scripted install failure");
        } else if (r.has("delayMs") && !r.has("status")) {
            match = match(r);
            effect = new Fault.Delay(delay(r));
        } else {
            match = match(r);
            int status = (int) r.requiredLong("status", "status");
            if (status < 400 || status > 599) {
                throw new ApiError(422, "The status must be an HTTP error status, 400 to 599.");
            }
            int retryAfter = r.has("retryAfterSeconds")
                    ? (int) r.requiredAmount("retryAfterSeconds", "retryAfterSeconds", 86_400)
                    : status == 429 ? 1 : 0;
            String message = r.has("message") ? r.requiredText("message", "message") : Faults.defaultMessage(status);
            effect = new Fault.Answer(status, message, retryAfter, r.has("delayMs") ? delay(r) : Duration.ZERO);
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
            checkMatch(match);
            simulator.faults().clear(match);
        }
        return faults();
    }

    private static String match(ApiRequest r) {
        return checkMatch(r.requiredText("match", "match"));
    }

    private static String checkMatch(String match) {
        try {
            PathPattern.parse(match);
            return match;
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, "The match must be \"METHOD /path\" or \"/path\", got: " + match);
        }
    }

    /** Up to an hour. */
    private static Duration delay(ApiRequest r) {
        return Duration.ofMillis(r.requiredAmount("delayMs", "delayMs", 3_600_000));
    }

    private static boolean flag(ApiRequest r, String name) {
        JsonNode value = r.field(name);
        if (!value.isBoolean()) {
            throw new ApiError(422, "The " + name + " must be true or false.");
        }
        return value.booleanValue();
    }

    private Object configure(ApiRequest r) {
        Settings s = simulator.settings();
        if (r.has("installDurationMs")) {
            s = s.withInstallDuration(Duration.ofMillis(r.requiredLong("installDurationMs", "installDurationMs")));
        }
        if (r.has("wipeDurationMs")) {
            s = s.withWipeDuration(Duration.ofMillis(r.requiredLong("wipeDurationMs", "wipeDurationMs")));
        }
        if (r.has("latencyMs")) {
            s = s.withLatency(Duration.ofMillis(r.requiredLong("latencyMs", "latencyMs")));
        }
        if (r.has("hangTimeMs")) {
            s = s.withHangTime(Duration.ofMillis(r.requiredLong("hangTimeMs", "hangTimeMs")));
        }
        if (r.has("staleStatusReads")) {
            s = s.withStaleStatusReads((int) r.requiredLong("staleStatusReads", "staleStatusReads"));
        }
        if (r.has("errorRate") || r.has("errorMode")) {
            JsonNode rate = r.field("errorRate");
            Settings.ErrorMode mode = r.has("errorMode")
                    ? Settings.ErrorMode.valueOf(r.requiredText("errorMode", "errorMode").toUpperCase(Locale.ROOT))
                    : s.errorMode();
            s = s.withErrorRate(rate.isNumber() ? rate.asDouble() : s.errorRate(), mode);
        }
        simulator.settings(s);
        return settings(s);
    }

    private Object addProfile(ApiRequest r) {
        long id = r.requiredLong("id", "id");
        String name = r.requiredText("name", "name");
        List<String> tags = r.has("tags") ? r.textList("tags", "tags") : List.of();
        boolean wipe = r.field("wipe").asBoolean(false);
        simulator.addProfile(new Seed.Profile(id, name, tags, wipe));
        return Json.obj("id", id, "name", name, "tags", tags, "wipe", wipe);
    }

    /** {@code {"name": "Debian 12"}}: staff renamed the profile; answers it. */
    private Object renameProfile(ApiRequest r) {
        long id = r.id("id", "Profile");
        simulator.renameProfile(id, r.requiredText("name", "name"));
        return simulator.profiles().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
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
                view.put("message", a.message());
                view.put("retryAfterSeconds", a.retryAfterSeconds());
                if (!a.delay().isZero()) {
                    view.put("delayMs", a.delay().toMillis());
                }
            }
            case Fault.Delay d -> view.put("delayMs", d.delay().toMillis());
            case Fault.FailInstall fi -> {
                view.put("failInstall", true);
                view.put("message", fi.message());
            }
        }
        return view;
    }

    static Map<String, Object> settings(Settings s) {
        return Json.obj("installDurationMs", s.installDuration().toMillis(),
                "wipeDurationMs", s.wipeDuration().toMillis(),
                "latencyMs", s.latency().toMillis(),
                "errorRate", s.errorRate(),
                "errorMode", s.errorMode().name(),
                "hangTimeMs", s.hangTime().toMillis(),
                "staleStatusReads", s.staleStatusReads());
    }

    static Map<String, Object> traffic(SimulatedTraffic t) {
        return Json.obj("serverId", t.serverId(), "bytesInPerSecond", t.rate().bytesInPerSecond(),
                "bytesOutPerSecond", t.rate().bytesOutPerSecond(), "flowing", t.flowing(),
                "counterBytesIn", t.counterBytesIn(), "counterBytesOut", t.counterBytesOut(),
                "counterSince", t.counterSince().toString());
    }

    static Map<String, Object> ssoToken(SsoToken t) {
        return Json.obj("authToken", t.authToken(), "userId", t.userId(), "endpoint", t.endpoint(),
                "expiresAt", t.expiresAt().toString(), "used", t.used());
    }

    static Map<String, Object> call(Call c) {
        return Json.obj("at", c.at().toString(), "method", c.method(), "path", c.path(), "template", c.template(),
                "status", c.status());
    }
}
