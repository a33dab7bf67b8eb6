package io.hostwright.simulator.vmmanager6;

import io.hostwright.simulators.http.Router;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /vm/v3/host/{id}/metrics?target=…&from=…&until=…&step=…}: [C] the route, the targets and the
 * {@code datapoints} series; ours: the {@code {"list": [{"target", "datapoints": [[value, stepStart], …]}]}} shape,
 * epoch-second bounds (or [C] {@code HH:MM_YYYYMMDD}, UTC), steps aligned to the epoch and each reported whole.
 * For {@code net_rx} / {@code net_tx} a datapoint is the bytes received / sent in that step (see
 * {@link TrafficMeter}); the step holding now reports the bytes so far. {@code cpu_load} is the host's load (a
 * percentage) times the share of the step's elapsed time it was powered on.
 */
final class MetricsEndpoints {

    static final List<String> TARGETS = List.of("net_rx", "net_tx", "cpu_load");
    static final long DEFAULT_STEP = 300;
    static final long MAX_STEP = 86_400;
    static final long MAX_POINTS = 10_000;
    private static final DateTimeFormatter GRAPHITE = DateTimeFormatter.ofPattern("HH:mm_yyyyMMdd");

    private final World world;

    MetricsEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        router.add("GET", "/vm/v3/host/{id}/metrics", this::metrics);
    }

    /** The host's CPU load while it is on, in percent: 5 to 50 by its id. */
    static double cpuLoad(long hostId) {
        return 5 + (hostId % 10) * 5;
    }

    private Object metrics(ApiRequest request) {
        long id = request.id("id", "Host");
        Set<String> targets = targets(request.query().get("target"));
        long step = request.query().containsKey("step")
                ? number(request.query().get("step"), "step", 1, MAX_STEP) : DEFAULT_STEP;
        return world.locked(() -> {
            HostState host = world.host(id);
            Instant now = world.now();
            long until = request.query().containsKey("until")
                    ? time(request.query().get("until"), "until") : now.getEpochSecond();
            long from = request.query().containsKey("from")
                    ? time(request.query().get("from"), "from") : until - 3_600;
            if (from > until) {
                throw ApiError.invalid("from", "must not be after until");
            }
            long first = Math.floorDiv(from, step) * step;
            if ((until - first) / step > MAX_POINTS) {
                throw ApiError.invalid("step", "at most " + MAX_POINTS + " datapoints per target");
            }
            List<Object> list = new ArrayList<>();
            for (String target : targets) {
                List<List<Object>> points = new ArrayList<>();
                for (long start = first; start < until && start <= now.getEpochSecond(); start += step) {
                    points.add(List.of(value(host, target, Instant.ofEpochSecond(start),
                            Instant.ofEpochSecond(start + step), now), start));
                }
                list.add(Json.obj("target", target, "datapoints", points));
            }
            return Json.obj("list", list);
        });
    }

    private static Object value(HostState host, String target, Instant start, Instant end, Instant now) {
        return switch (target) {
            case "net_rx" -> host.traffic.between(start, end, now).in();
            case "net_tx" -> host.traffic.between(start, end, now).out();
            default -> {
                Instant from = start.isBefore(host.createdAt) ? host.createdAt : start;
                long elapsed = Math.min(end.toEpochMilli(), now.toEpochMilli()) - from.toEpochMilli();
                long on = host.traffic.onMillis(from, end, now);
                yield elapsed <= 0 ? 0.0 : BigDecimal.valueOf(cpuLoad(host.id) * on / elapsed)
                        .setScale(2, RoundingMode.HALF_UP).doubleValue();
            }
        };
    }

    private static Set<String> targets(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiError.required("target");
        }
        Set<String> targets = new LinkedHashSet<>();
        for (String target : raw.split(",")) {
            if (!TARGETS.contains(target.trim())) {
                throw ApiError.invalid("target", "one or more of " + TARGETS + ", got '" + target.trim() + "'");
            }
            targets.add(target.trim());
        }
        return targets;
    }

    private static long time(String raw, String field) {
        String text = raw.trim();
        if (text.matches("\\d{1,12}")) {
            return Long.parseLong(text);
        }
        try {
            return LocalDateTime.parse(text, GRAPHITE).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(field, "epoch seconds or HH:MM_YYYYMMDD, got '" + raw + "'");
        }
    }

    private static long number(String raw, String field, long min, long max) {
        if (raw == null || !raw.trim().matches("\\d{1,12}")) {
            throw ApiError.invalid(field, "must be a whole number");
        }
        long value = Long.parseLong(raw.trim());
        if (value < min || value > max) {
            throw ApiError.invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
