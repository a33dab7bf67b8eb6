package io.hostwright.local.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.json.Json;

import java.time.Instant;

/**
 * One invocation of a scheduled function and how it ended: {@code succeeded} with the handler's result as JSON, or
 * {@code failed} with the error (EventBridge would retry; the local scheduler just reports it).
 *
 * @param cause {@code schedule} when the timetable fired it, {@code manual} when asked to run now
 */
public record ScheduleRun(
        String function,
        String cause,
        String eventId,
        Instant scheduledFor,
        Instant startedAt,
        long durationMs,
        String status,
        JsonNode result,
        String error) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    static ScheduleRun succeeded(String function, String cause, String eventId, Instant scheduledFor, Instant startedAt,
                                 long durationMs, Object result) {
        return new ScheduleRun(function, cause, eventId, scheduledFor, startedAt, durationMs, SUCCEEDED,
                asJson(result), null);
    }

    static ScheduleRun failed(String function, String cause, String eventId, Instant scheduledFor, Instant startedAt,
                              long durationMs, String error) {
        return new ScheduleRun(function, cause, eventId, scheduledFor, startedAt, durationMs, FAILED, null, error);
    }

    private static JsonNode asJson(Object result) {
        try {
            return Json.MAPPER.valueToTree(result);
        } catch (IllegalArgumentException notJson) {
            return Json.MAPPER.getNodeFactory().textNode(String.valueOf(result));
        }
    }
}
