package io.hostwright.functions.control;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.hostwright.domain.control.Acted;
import io.hostwright.domain.control.ControlServer;
import io.hostwright.domain.idempotency.IdempotencyKeys;
import io.hostwright.domain.operation.Caller;
import io.hostwright.domain.operation.OperationAccepted;
import io.hostwright.domain.operation.OperationCommand;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationQueries;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.lambda.api.ApiRequest;
import io.hostwright.lambda.api.ApiResponses;
import io.hostwright.lambda.api.JsonBody;
import io.hostwright.lambda.api.OperationViews;
import io.hostwright.lambda.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API Gateway → a customer's client functions on their own server: info, power, reinstall (202, runs on the
 * lifecycle queue), rescue, console, IPs and reverse DNS, usage graphs. Translation only.
 */
public final class ApiGatewayServerControlRequestHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayServerControlRequestHandler.class);
    private static final Map<String, String> REPLAYED = Map.of("Idempotent-Replayed", "true");

    private final ControlServer control;
    private final RequestOperation requests;
    private final OperationQueries queries;
    private final Telemetry telemetry;

    public ApiGatewayServerControlRequestHandler() {
        this(ServerControlWiring.fromEnvironment());
    }

    private ApiGatewayServerControlRequestHandler(ServerControlWiring wiring) {
        this(wiring.control(), wiring.requests(), wiring.queries());
    }

    public ApiGatewayServerControlRequestHandler(ControlServer control, RequestOperation requests,
                                                 OperationQueries queries) {
        this.control = control;
        this.requests = requests;
        this.queries = queries;
        this.telemetry = new Telemetry();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.invocation(context, () -> ApiResponses.routed(event, this::route, (request, unexpected) -> {
            LOG.error("client function {} failed", request.routeKey(), unexpected);
            return ApiResponses.unavailable(context.getAwsRequestId());
        }));
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request) {
        Caller customer = Caller.customer(request.customer().id());
        String serviceId = request.pathParameter("serviceId").orElse("");
        String key = request.header(IdempotencyKeys.HEADER).orElse(null);
        return switch (request.routeKey()) {
            case "GET /v1/services/{serviceId}/server" -> ApiResponses.json(200,
                    ControlViews.server(control.info(customer, serviceId)));
            case "GET /v1/services/{serviceId}/ips" -> ApiResponses.json(200,
                    Map.of("ips", control.ips(customer, serviceId)));
            case "GET /v1/services/{serviceId}/usage" -> ApiResponses.json(200, ControlViews.usage(control.usage(
                    customer, serviceId, instant(request, "from"), instant(request, "to"),
                    request.queryParameter("resolution").orElse(null))));
            case "GET /v1/services/{serviceId}/operations/{operationId}" -> ApiResponses.json(200,
                    OperationViews.forCustomer(queries.operation(customer, serviceId,
                            request.pathParameter("operationId").orElse(""))));
            case "POST /v1/services/{serviceId}/power" -> {
                JsonBody body = JsonBody.parse(request.body()).allowOnly("", Set.of("action"));
                String action = body.string("action");
                body.throwIfInvalid();
                if (action == null) {
                    throw InvalidRequest.of("action", "is required: one of on, off, reset");
                }
                Acted<String> acted = control.power(customer, serviceId, action, key);
                yield acted(acted, Map.of("serviceId", serviceId, "power", acted.result()));
            }
            case "POST /v1/services/{serviceId}/rescue" -> {
                JsonBody body = JsonBody.parse(request.body()).allowOnly("", Set.of("action"));
                String action = body.string("action");
                body.throwIfInvalid();
                if (!"start".equals(action) && !"stop".equals(action)) {
                    throw InvalidRequest.of("action", "is required: start or stop");
                }
                var acted = control.rescue(customer, serviceId, "start".equals(action), key);
                Map<String, Object> view = new HashMap<>();
                view.put("serviceId", serviceId);
                view.put("rescue", acted.result().active());
                if (acted.result().rootPassword() != null) {
                    view.put("rootPassword", acted.result().rootPassword());
                }
                yield acted(acted, view);
            }
            case "POST /v1/services/{serviceId}/console" -> acted(control.console(customer, serviceId, key), null);
            case "PUT /v1/services/{serviceId}/ips/{ip}/reverse-dns" -> {
                JsonBody body = JsonBody.parse(request.body()).allowOnly("", Set.of("hostname"));
                String hostname = body.string("hostname");
                body.throwIfInvalid();
                yield acted(control.setReverseDns(customer, serviceId, request.pathParameter("ip").orElse(""),
                        hostname, key), null);
            }
            case "POST /v1/services/{serviceId}/reinstall" -> reinstall(request, customer, serviceId, key);
            case "POST /v1/services/{serviceId}/resize" -> resize(request, customer, serviceId, key);
            default -> ApiResponses.noRoute(request);
        };
    }

    private APIGatewayV2HTTPResponse reinstall(ApiRequest request, Caller customer, String serviceId, String key) {
        JsonBody body = JsonBody.parse(request.body()).allowOnly("", Set.of("osTemplateId"));
        String os = body.string("osTemplateId");
        body.throwIfInvalid();
        Map<String, String> parameters = new HashMap<>();
        if (os != null) {
            parameters.put(RequestOperation.OS_TEMPLATE_ID, os);
        }
        OperationAccepted accepted = requests.request(new OperationCommand(customer, serviceId, OperationKind.REINSTALL,
                key, null, parameters));
        LOG.info("reinstall of service {} {} as {}", serviceId, accepted.replayed() ? "replayed" : "requested",
                accepted.operation().operationId());
        return OperationViews.acceptedForCustomer(accepted.operation(), "/v1/services/" + serviceId + "/operations/"
                + accepted.operation().operationId(), accepted.replayed());
    }

    private APIGatewayV2HTTPResponse resize(ApiRequest request, Caller customer, String serviceId, String key) {
        JsonBody body = JsonBody.parse(request.body()).allowOnly("", Set.of("cpuNumber", "ramMib", "diskMib"));
        Map<String, String> parameters = new HashMap<>();
        for (String field : List.of("cpuNumber", "ramMib", "diskMib")) {
            Integer value = body.integer(field);
            if (value != null) {
                parameters.put(field, Integer.toString(value));
            }
        }
        body.throwIfInvalid();
        OperationAccepted accepted = requests.request(new OperationCommand(customer, serviceId, OperationKind.RESIZE,
                key, null, parameters));
        LOG.info("resize of service {} {} as {}", serviceId, accepted.replayed() ? "replayed" : "requested",
                accepted.operation().operationId());
        return OperationViews.acceptedForCustomer(accepted.operation(), "/v1/services/" + serviceId + "/operations/"
                + accepted.operation().operationId(), accepted.replayed());
    }

    /** 200 with the view (the result itself when null), marked when it answers a repeated key. */
    private static APIGatewayV2HTTPResponse acted(Acted<?> acted, Object view) {
        Object body = view == null ? acted.result() : view;
        return acted.replayed() ? ApiResponses.json(200, body, REPLAYED) : ApiResponses.json(200, body);
    }

    private static Instant instant(ApiRequest request, String name) {
        String value = request.queryParameter(name).orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of(name, "must be an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }
}
