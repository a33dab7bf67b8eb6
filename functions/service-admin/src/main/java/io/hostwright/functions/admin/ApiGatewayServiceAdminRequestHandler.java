package io.hostwright.functions.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.hostwright.backends.Backends;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.idempotency.IdempotencyKeys;
import io.hostwright.domain.licence.LicencePoolView;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.ServiceLicences;
import io.hostwright.domain.operation.AbandonOperation;
import io.hostwright.domain.operation.Caller;
import io.hostwright.domain.operation.Operation;
import io.hostwright.domain.operation.OperationAccepted;
import io.hostwright.domain.operation.OperationCommand;
import io.hostwright.domain.operation.OperationKind;
import io.hostwright.domain.operation.OperationQueries;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.renewal.RecordRenewal;
import io.hostwright.domain.renewal.Renewal;
import io.hostwright.domain.usage.UsageExport;
import io.hostwright.domain.operation.ServiceHistory;
import io.hostwright.dynamodb.DynamoDbActionAnswers;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbServiceRenewals;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbUsageLedger;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.lambda.api.ApiRequest;
import io.hostwright.lambda.api.ApiResponses;
import io.hostwright.lambda.api.JsonBody;
import io.hostwright.lambda.api.OperationViews;
import io.hostwright.lambda.telemetry.Telemetry;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API Gateway → staff's service administration: suspend (with a reason), unsuspend, terminate (each 202, the work
 * runs on the lifecycle queue), a service's history with its operations and its control-panel licence, the billing
 * system's renewals (the months paid extend the service's {@code paidUntil}), the usage export and the licence pool.
 * Translation only.
 */
public final class ApiGatewayServiceAdminRequestHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayServiceAdminRequestHandler.class);

    private final RequestOperation requests;
    private final OperationQueries queries;
    private final AbandonOperation abandon;
    private final UsageExport usage;
    private final RecordRenewal renewals;
    private final LicencePoolView pool;
    private final ServiceLicences licences;
    private final Telemetry telemetry;

    public ApiGatewayServiceAdminRequestHandler() {
        this(Wiring.fromEnvironment());
    }

    private ApiGatewayServiceAdminRequestHandler(Wiring wiring) {
        this(wiring.requests(), wiring.queries(), wiring.abandon(), wiring.usage(), wiring.renewals(), wiring.pool(),
                wiring.licences());
    }

    public ApiGatewayServiceAdminRequestHandler(RequestOperation requests, OperationQueries queries,
                                                AbandonOperation abandon, UsageExport usage,
                                                RecordRenewal renewals, LicencePoolView pool,
                                                ServiceLicences licences) {
        this.requests = requests;
        this.queries = queries;
        this.abandon = abandon;
        this.usage = usage;
        this.renewals = renewals;
        this.pool = pool;
        this.licences = licences;
        this.telemetry = new Telemetry();
    }

    private record Wiring(RequestOperation requests, OperationQueries queries, AbandonOperation abandon,
                          UsageExport usage, RecordRenewal renewals, LicencePoolView pool,
                          ServiceLicences licences) {
        static Wiring fromEnvironment() {
            Clock clock = Clock.systemUTC();
            DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
            String table = FunctionEnvironment.require(Manifest.TABLE_VARIABLE);
            DynamoDbServiceRepository services = new DynamoDbServiceRepository(dynamo, table);
            DynamoDbOperationRepository operations = new DynamoDbOperationRepository(dynamo, table);
            DynamoDbActionAnswers answers = new DynamoDbActionAnswers(dynamo, table);
            // no mail and no back-end call from here: the registry only says what each back-end can do (and which
            // connections are licence connections)
            BackendRegistry backends = Backends.on(dynamo, table, null, null, Backends.keysFromEnvironment(),
                    Backends.BACKOFF, clock);
            return new Wiring(new RequestOperation(services, new DynamoDbCatalogRepository(dynamo, table), operations,
                    answers, SqsQueues.lifecycle(SqsClients.fromEnvironment()), backends,
                    new SortableIds(clock), clock),
                    new OperationQueries(services, operations), new AbandonOperation(services, operations, clock),
                    new UsageExport(new DynamoDbUsageLedger(dynamo, table, Manifest.USAGE_SAMPLE_RETENTION), clock),
                    new RecordRenewal(services, new DynamoDbServiceRenewals(dynamo, table), answers, clock),
                    Backends.licencePoolView(dynamo, table, backends, clock),
                    new ServiceLicences(new LicenceRecords(new DynamoDbModuleState(dynamo, table))));
        }
    }

    record ServiceHistoryView(ServiceView service, List<OperationViews.StepView> provisioningSteps,
                              List<OperationViews.OperationView> operations) {
    }

    record ServiceView(String serviceId, String customerId, String customerEmail, String orderId, String productId,
                       String productName, String type, String backend, String connectionId, String hostname,
                       String osTemplateId, String osName, Map<String, String> options, String status,
                       String statusReason, Instant createdAt, Instant updatedAt, Instant paidUntil,
                       LicenceDocuments.ServiceLicenceView licence) {
    }

    record RenewalView(String serviceId, Instant paidUntil, int months, Instant renewedAt) {
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.invocation(context, () -> ApiResponses.routed(event, this::route, (request, unexpected) -> {
            LOG.error("admin request {} failed", request.routeKey(), unexpected);
            return ApiResponses.unavailable(context.getAwsRequestId());
        }));
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request) {
        Caller staff = Caller.staff(request.customer().id());
        String serviceId = request.pathParameter("serviceId").orElse("");
        return switch (request.routeKey()) {
            case "GET /v1/admin/services/{serviceId}" -> {
                ServiceHistory h = queries.history(staff, serviceId);
                yield ApiResponses.json(200, history(h, licences.forStaff(h.service()).orElse(null)));
            }
            case "GET /v1/admin/services/{serviceId}/operations/{operationId}" -> ApiResponses.json(200,
                    OperationViews.of(queries.operation(staff, serviceId,
                            request.pathParameter("operationId").orElse(""))));
            case "POST /v1/admin/services/{serviceId}/suspend" -> operation(request, staff, serviceId, OperationKind.SUSPEND);
            case "POST /v1/admin/services/{serviceId}/unsuspend" -> operation(request, staff, serviceId, OperationKind.UNSUSPEND);
            case "POST /v1/admin/services/{serviceId}/terminate" -> operation(request, staff, serviceId, OperationKind.TERMINATE);
            case "POST /v1/admin/services/{serviceId}/renewals" -> renewal(request, staff, serviceId);
            case "POST /v1/admin/services/{serviceId}/operations/{operationId}/abandon" -> {
                Operation abandoned = abandon.abandon(staff, serviceId, request.pathParameter("operationId").orElse(""),
                        reason(request));
                LOG.warn("operation {} of service {} abandoned by staff", abandoned.operationId(), serviceId);
                yield ApiResponses.json(200, OperationViews.of(abandoned, null));
            }
            case "GET /v1/admin/usage" -> UsageExportDocuments.answer(request, usage.page(
                    UsageExportDocuments.period(request), UsageExportDocuments.after(request),
                    UsageExportDocuments.limit(request)));
            case "GET /v1/admin/licences" -> ApiResponses.json(200, LicenceDocuments.listing(pool.list(
                    request.queryParameter(LicencePoolView.STATE).orElse(null),
                    request.queryParameter(LicencePoolView.CONNECTION).orElse(null))));
            default -> ApiResponses.noRoute(request);
        };
    }

    /** The optional {@code {"reason": …}} body of staff's requests. */
    private static String reason(ApiRequest request) {
        byte[] body = request.body();
        if (body.length == 0) {
            return null;
        }
        JsonBody json = JsonBody.parse(body).allowOnly("", Set.of("reason"));
        String reason = json.string("reason");
        json.throwIfInvalid();
        return reason;
    }

    private APIGatewayV2HTTPResponse operation(ApiRequest request, Caller staff, String serviceId, OperationKind kind) {
        String reason = reason(request);
        OperationAccepted accepted = requests.request(new OperationCommand(staff, serviceId, kind,
                request.header(IdempotencyKeys.HEADER).orElse(null), reason, Map.of()));
        telemetry.metrics().addMetric(accepted.replayed() ? "OperationsReplayed" : "OperationsRequested", 1,
                MetricUnit.COUNT);
        LOG.info("{} of service {} {} as {}", kind.label(), serviceId, accepted.replayed() ? "replayed" : "requested",
                accepted.operation().operationId());
        return OperationViews.accepted(accepted.operation(), "/v1/admin/services/" + serviceId + "/operations/"
                + accepted.operation().operationId(), accepted.replayed());
    }

    private APIGatewayV2HTTPResponse renewal(ApiRequest request, Caller staff, String serviceId) {
        JsonBody json = JsonBody.parse(request.body()).allowOnly("", Set.of(RecordRenewal.MONTHS));
        Integer months = json.integer(RecordRenewal.MONTHS);
        json.throwIfInvalid();
        Renewal renewal = renewals.renew(staff, serviceId, months, request.header(IdempotencyKeys.HEADER).orElse(null));
        LOG.info("service {} {} for {} months, paid until {}", serviceId,
                renewal.replayed() ? "renewal replayed" : "renewed", months, renewal.paidUntil());
        return ApiResponses.json(200, new RenewalView(serviceId, renewal.paidUntil(), renewal.months(),
                renewal.renewedAt()), renewal.replayed() ? Map.of("Idempotent-Replayed", "true") : Map.of());
    }

    private static ServiceHistoryView history(ServiceHistory h, ServiceLicences.Shown licence) {
        var s = h.service();
        return new ServiceHistoryView(new ServiceView(s.serviceId(), s.customerId(), s.customerEmail(), s.orderId(),
                s.productId(), s.productName(), s.type() == null ? null : s.type().code(), s.backend(),
                s.connectionId(), s.hostname(), s.osTemplateId(), s.osName(), s.options(), s.status().name(),
                s.statusReason(), s.createdAt(), s.updatedAt(), s.paidUntil(), LicenceDocuments.service(licence)),
                OperationViews.steps(h.provisioningSteps()),
                h.operations().stream().map(o -> OperationViews.of(o, null)).toList());
    }
}
