package io.hostwright.benchmark.provisioning;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One order (TenantOS or VPS) as its client saw it, and later what {@code GET /v1/services/{id}} said of its service.
 *
 * @param acceptedAt when the 202 arrived (null when none did)
 * @param answer     the HTTP status, 0 when no answer came
 * @param service    the last {@code GET /v1/services/{id}} body, null until read
 */
public record PlacedOrder(int n, String hostname, String customer, String token, Instant sentAt, Instant acceptedAt,
                   int answer, String serviceId, String detail, JsonNode service) {

    public boolean accepted() {
        return answer == 202 && serviceId != null;
    }

    PlacedOrder withService(JsonNode read) {
        return new PlacedOrder(n, hostname, customer, token, sentAt, acceptedAt, answer, serviceId, detail, read);
    }

    public String status() {
        return service == null ? "unknown" : service.path("status").asText("unknown");
    }

    public String statusReason() {
        return service == null ? "" : service.path("statusReason").asText("");
    }

    /** When the service last changed, from its own record. */
    Instant updatedAt() {
        return instant(service == null ? null : service.get("updatedAt"));
    }

    /** When a step last changed while it {@code SUCCEEDED}, or null. */
    Instant stepSucceededAt(String step) {
        if (service == null) {
            return null;
        }
        for (JsonNode s : service.path("steps")) {
            if (step.equals(s.path("name").asText()) && "SUCCEEDED".equals(s.path("status").asText())) {
                return instant(s.get("updatedAt"));
            }
        }
        return null;
    }

    static Instant instant(JsonNode value) {
        return value == null || !value.isTextual() ? null : Instant.parse(value.asText());
    }
}
