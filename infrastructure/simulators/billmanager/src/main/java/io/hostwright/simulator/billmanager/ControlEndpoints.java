package io.hostwright.simulator.billmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.hostwright.simulators.http.Call;
import io.hostwright.simulators.http.PathPattern;
import io.hostwright.simulators.http.Router;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /_simulator/...}: the Java API over HTTP for another process. No auth, no latency, no faults, not in the call
 * log; plain JSON, errors as {@code {"message": ...}}: 422 for a bad body, 404 for an unknown licence or path, 405 for
 * a wrong method.
 */
final class ControlEndpoints {

    @FunctionalInterface
    interface Endpoint {
        Object handle(ControlRequest request);
    }

    private final BillManagerSimulator simulator;
    private final Router<Endpoint> router = new Router<>();

    ControlEndpoints(BillManagerSimulator simulator) {
        this.simulator = simulator;
        router.add("GET", "/_simulator/state", r -> simulator.stateView())
                .add("POST", "/_simulator/reset", r -> {
                    simulator.reset();
                    return Map.of();
                })
                .add("GET", "/_simulator/config", r -> settings(simulator.settings()))
                .add("PUT", "/_simulator/config", this::configure)
                .add("POST", "/_simulator/config", this::configure)
                .add("GET", "/_simulator/balance", r -> balance())
                .add("PUT", "/_simulator/balance", this::setBalance)
                .add("POST", "/_simulator/balance", this::setBalance)
                .add("GET", "/_simulator/licences", r -> simulator.licences())
                .add("POST", "/_simulator/licences", this::addLicence)
                .add("GET", "/_simulator/licences/{id}", r -> simulator.licence(r.id("id")))
                .add("POST", "/_simulator/licences/{id}/age", this::ageChanges)
                .add("POST", "/_simulator/sessions/expire", r -> {
                    simulator.expireSessions();
                    return Json.obj("sessionIssues", simulator.sessionIssues());
                })
                .add("GET", "/_simulator/faults", r -> faults())
                .add("POST", "/_simulator/faults", this::addFault)
                .add("DELETE", "/_simulator/faults", this::clearFaults)
                .add("GET", "/_simulator/calls", r -> simulator.calls().stream().map(ControlEndpoints::call).toList())
                .add("DELETE", "/_simulator/calls", r -> {
                    simulator.clearCalls();
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
                case Router.Found<Endpoint> f -> f.route().endpoint().handle(new ControlRequest(f.params(),
                        ApiDispatcher.decode(exchange.getRequestURI().getRawQuery(), "query"), Json.parse(raw)));
                case Router.WrongMethod<Endpoint> w -> {
                    status = 405;
                    yield Json.obj("message", "Use " + String.join(" or ", w.allowed()));
                }
                case Router.NotFound<Endpoint> n -> {
                    status = 404;
                    yield Json.obj("message", "Not found: " + path);
                }
            };
        } catch (IllegalArgumentException | BillError e) {
            status = 422;
            body = Json.obj("message", e.getMessage());
        } catch (NoSuchElementException e) {
            status = 404;
            body = Json.obj("message", e.getMessage());
        }
        Json.send(exchange, status, body, Map.of());
    }

    /** Any of {@code sessionTtlMs}, {@code latencyMs}, {@code errorRate}; validated whole. */
    private Object configure(ControlRequest r) {
        Settings s = simulator.settings();
        if (r.present("sessionTtlMs")) {
            s = s.withSessionTtl(Duration.ofMillis(r.integer("sessionTtlMs", 1, 366L * 86_400_000)));
        }
        if (r.present("latencyMs")) {
            s = s.withLatency(Duration.ofMillis(r.integer("latencyMs", 0, 86_400_000)));
        }
        if (r.present("errorRate")) {
            JsonNode rate = r.field("errorRate");
            if (!rate.isNumber()) {
                throw new IllegalArgumentException("Field 'errorRate' must be a number from 0 to 1");
            }
            s = s.withErrorRate(rate.asDouble());
        }
        simulator.settings(s);
        return settings(s);
    }

    private Object balance() {
        return Json.obj("balance", simulator.balance().toPlainString());
    }

    /** {@code {"balance": "12.50"}} (or a number). */
    private Object setBalance(ControlRequest r) {
        simulator.setBalance(r.money("balance"));
        return balance();
    }

    /**
     * {@code {"name", "ip", "pricelist", "period"?, "expiresAt", "lastIpChange"?, "lastKeyChange"?}}; the changes
     * default to now. {@code {"free": true, "pricelist", "expiresAt", "lastIpChange", "lastKeyChange"}} makes a pool
     * licence ({@code free.lic}, {@code 0.0.0.0}).
     */
    private Object addLicence(ControlRequest r) {
        boolean free = r.flag("free", false);
        String name = free ? Seed.FREE_NAME : r.text("name");
        String ip = free ? Seed.FREE_IP : r.text("ip");
        if (free && (r.present("name") || r.present("ip"))) {
            throw new IllegalArgumentException("Leave out name and ip when free is true");
        }
        long pricelist = r.integer("pricelist", 1, Long.MAX_VALUE);
        int period = r.present("period") ? (int) r.integer("period", 1, 12) : 1;
        Instant expiresAt = r.instant("expiresAt");
        Instant lastIpChange = r.present("lastIpChange") ? r.instant("lastIpChange") : null;
        Instant lastKeyChange = r.present("lastKeyChange") ? r.instant("lastKeyChange") : null;
        return simulator.addLicence(new NewLicence(name, ip, pricelist, period, expiresAt, lastIpChange,
                lastKeyChange));
    }

    /**
     * {@code {"days": 31}} (1 to 3650): the licence's last IP and key change move that many days into the past;
     * answers the licence.
     */
    private Object ageChanges(ControlRequest r) {
        long id = r.id("id");
        simulator.licence(id); // 404 before the body is looked at
        return simulator.ageChanges(id, Duration.ofDays(r.integer("days", 1, 3650)));
    }

    /**
     * {@code {"match", "times"?, "status", "type"?, "message"?, "retryAfterSeconds"?, "delayMs"?}} (answer, after
     * {@code delayMs} when given) or {@code {"match", "times"?, "delayMs"}} (wait, then run);
     * {@code "untilCleared": true} instead of {@code times} makes it hold until cleared.
     */
    private Object addFault(ControlRequest r) {
        boolean untilCleared = r.flag("untilCleared", false);
        if (untilCleared && r.has("times")) {
            throw new IllegalArgumentException("Leave out times when untilCleared is true");
        }
        int times = r.present("times") ? (int) r.integer("times", 1, Integer.MAX_VALUE) : 1;
        String match = checkMatch(r.text("match"));
        Duration delay = r.present("delayMs") ? Duration.ofMillis(r.integer("delayMs", 0, 3_600_000)) : Duration.ZERO;
        Fault.Effect effect;
        if (r.present("delayMs") && !r.present("status")) {
            effect = new Fault.Delay(delay);
        } else {
            int status = (int) r.integer("status", 200, 599);
            if (status != 200 && status < 400) {
                throw new IllegalArgumentException("Field 'status' must be 200 or 400 to 599");
            }
            String type = r.present("type") ? r.text("type") : BillError.INTERNAL;
            String message = r.present("message") ? r.text("message") : Faults.defaultMessage(status);
            int retryAfter = r.present("retryAfterSeconds")
                    ? (int) r.integer("retryAfterSeconds", 0, 86_400) : status == 429 ? 1 : 0;
            effect = new Fault.Answer(status, type, message, retryAfter, delay);
        }
        if (untilCleared) {
            simulator.faults().untilCleared(match, effect);
        } else {
            simulator.faults().add(times, match, effect);
        }
        return faults();
    }

    /** Every fault, or with {@code ?match=…} those aimed at what it names; answers the pending list. */
    private Object clearFaults(ControlRequest r) {
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
            throw new IllegalArgumentException("Field 'match' must be \"METHOD /billmgr/<func>\" or "
                    + "\"/billmgr/<func>\", got: " + match);
        }
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
                view.put("type", a.type());
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
        return Json.obj("sessionTtlMs", s.sessionTtl().toMillis(), "latencyMs", s.latency().toMillis(),
                "errorRate", s.errorRate());
    }

    static Map<String, Object> call(Call c) {
        return Json.obj("at", c.at().toString(), "method", c.method(), "path", c.path(), "status", c.status());
    }
}
