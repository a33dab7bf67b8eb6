package io.hostwright.simulator.tenantos;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.simulators.http.Router;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/servers/{id}/stats/network/{mode}}: one sample per interval of the mode ({@code 5min},
 * {@code hourly}, {@code daily}, {@code weekly}, {@code monthly} = 30 days), intervals aligned to the epoch, over
 * {@code from}..{@code to} (epoch seconds; default: the last 24 intervals up to now). See {@link NetworkTraffic} and
 * {@link TrafficMeter}.
 */
final class StatsEndpoints {

    private static final Map<String, Long> INTERVAL_SECONDS = Map.of(
            "5min", 300L, "hourly", 3_600L, "daily", 86_400L, "weekly", 604_800L, "monthly", 2_592_000L);
    private static final int MAX_SAMPLES = 5_000;

    private final World world;

    StatsEndpoints(World world) {
        this.world = world;
    }

    void register(Router<Endpoint> router) {
        router.add("POST", "/api/servers/{id}/stats/network/{mode}", this::network);
    }

    private Object network(ApiRequest request) {
        long id = request.id("id", "Server");
        Long interval = INTERVAL_SECONDS.get(request.params().get("mode"));
        if (interval == null) {
            throw new ApiError(422, "Unknown statistics mode: " + request.params().get("mode"));
        }
        return world.locked(() -> {
            ServerState server = world.server(id);
            Instant now = world.now();
            long to = request.present("to") ? epochSeconds(request.field("to"), "to") : now.getEpochSecond();
            long from = request.present("from") ? epochSeconds(request.field("from"), "from") : to - 24 * interval;
            if (from > to) {
                throw new ApiError(422, "The from must be before to.");
            }
            long firstBucket = Math.floorDiv(from, interval) * interval;
            if ((to - firstBucket) / interval > MAX_SAMPLES) {
                throw new ApiError(422, "Too many samples requested; narrow from..to or pick a coarser mode.");
            }
            List<Map<String, Object>> samples = new ArrayList<>();
            for (long bucket = firstBucket; bucket < to || bucket == firstBucket; bucket += interval) {
                Instant start = Instant.ofEpochSecond(Math.max(bucket, from));
                Instant end = Instant.ofEpochSecond(Math.min(bucket + interval, to));
                TrafficBytes bytes = server.traffic.between(start, end, now);
                long in = bytes.bytesIn();
                long out = bytes.bytesOut();
                samples.add(Json.obj("timestamp", bucket, "bytesIn", in, "bytesOut", out,
                        "packetsIn", in / NetworkTraffic.BYTES_PER_PACKET,
                        "packetsOut", out / NetworkTraffic.BYTES_PER_PACKET));
            }
            return samples;
        });
    }

    private static long epochSeconds(JsonNode value, String field) {
        if (!value.canConvertToLong()) {
            throw new ApiError(422, "The " + field + " must be a unix timestamp in seconds.");
        }
        return value.asLong();
    }
}
