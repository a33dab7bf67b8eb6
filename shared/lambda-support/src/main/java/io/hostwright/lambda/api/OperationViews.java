package io.hostwright.lambda.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationDetails;
import io.hostwright.domain.service.ProvisioningStep;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The JSON of operations, for staff and customers alike (see the OpenAPI document). */
public final class OperationViews {

    private OperationViews() {
    }

    public record StepView(String name, String status, int attempts, String detail, Instant updatedAt) {
    }

    public record OperationView(String operationId, String serviceId, String kind, String status, String reason,
                                Map<String, String> parameters, String detail, String requestedBy,
                                Instant createdAt, Instant updatedAt, List<StepView> steps) {
    }

    /** @param steps null to leave them out (lists of operations) */
    public static OperationView of(Operation o, List<ProvisioningStep> steps) {
        return new OperationView(o.operationId(), o.serviceId(), o.kind().label(), o.status().name(), o.reason(),
                o.parameters(), o.detail(), o.requestedBy(), o.createdAt(), o.updatedAt(),
                steps == null ? null : steps(steps));
    }

    public static OperationView of(OperationDetails details) {
        return of(details.operation(), details.steps());
    }

    /**
     * What a customer sees: the same, with who asked told only as {@code customer} or {@code staff} (never which
     * member of staff).
     */
    public static OperationView forCustomer(OperationDetails details) {
        return forCustomer(of(details));
    }

    private static OperationView forCustomer(OperationView full) {
        String by = full.requestedBy() == null ? "" : full.requestedBy();
        String requestedBy = by.startsWith("customer:") ? "customer" : by.startsWith("system:") ? "system" : "staff";
        return new OperationView(full.operationId(), full.serviceId(), full.kind(), full.status(), full.reason(),
                full.parameters(), full.detail(), requestedBy, full.createdAt(), full.updatedAt(), full.steps());
    }

    public static List<StepView> steps(List<ProvisioningStep> steps) {
        return steps.stream()
                .sorted(Comparator.comparingInt(ProvisioningStep::sequence))
                .map(st -> new StepView(st.name(), st.status().name(), st.attempts(), st.detail(), st.updatedAt()))
                .toList();
    }

    /** The 202 of an accepted operation, pointing at where to follow it, as staff see it. */
    public static APIGatewayV2HTTPResponse accepted(Operation o, String location, boolean replayed) {
        return accepted(of(o, null), location, replayed);
    }

    /** The same 202 as a customer sees it ({@code requestedBy} only {@code customer} or {@code staff}). */
    public static APIGatewayV2HTTPResponse acceptedForCustomer(Operation o, String location, boolean replayed) {
        return accepted(forCustomer(of(o, null)), location, replayed);
    }

    private static APIGatewayV2HTTPResponse accepted(OperationView view, String location, boolean replayed) {
        Map<String, String> headers = replayed ? Map.of("Location", location, "Idempotent-Replayed", "true")
                : Map.of("Location", location);
        return ApiResponses.json(202, view, headers);
    }
}
