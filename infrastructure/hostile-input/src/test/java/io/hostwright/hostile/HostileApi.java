package io.hostwright.hostile;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.hostwright.backends.Backends;
import io.hostwright.backends.RegisteredBackends;
import io.hostwright.domain.backend.BackendFactory;
import io.hostwright.domain.backend.BackendRegistry;
import io.hostwright.domain.backend.ConnectionKeys;
import io.hostwright.domain.fixtures.FakeBackend;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.ServiceLicences;
import io.hostwright.domain.operation.AbandonOperation;
import io.hostwright.domain.operation.OperationQueries;
import io.hostwright.domain.operation.RequestOperation;
import io.hostwright.domain.order.AcceptOrder;
import io.hostwright.domain.order.OrderDispatch;
import io.hostwright.domain.renewal.RecordRenewal;
import io.hostwright.domain.storefront.StorefrontQueries;
import io.hostwright.domain.usage.BandwidthReport;
import io.hostwright.domain.usage.UsageExport;
import io.hostwright.dynamodb.DynamoDbActionAnswers;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRenewals;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbStockLevels;
import io.hostwright.dynamodb.DynamoDbUsageLedger;
import io.hostwright.emulators.LocalAws;
import io.hostwright.functions.admin.ApiGatewayServiceAdminRequestHandler;
import io.hostwright.functions.catalogadmin.ApiGatewayCatalogAdminRequestHandler;
import io.hostwright.functions.catalogadmin.CatalogAdminWiring;
import io.hostwright.functions.control.ApiGatewayServerControlRequestHandler;
import io.hostwright.functions.control.ServerControlWiring;
import io.hostwright.functions.orders.ApiGatewayPlaceOrderRequestHandler;
import io.hostwright.functions.storefront.ApiGatewayStorefrontRequestHandler;
import io.hostwright.lambda.InvocationContext;
import io.hostwright.manifest.Access;
import io.hostwright.manifest.FunctionSpec;
import io.hostwright.manifest.HttpRoute;
import io.hostwright.manifest.Manifest;
import io.hostwright.manifest.Trigger;
import io.hostwright.sqs.SqsMailQueue;
import io.hostwright.sqs.SqsStepQueue;
import io.hostwright.sqs.SqsSyncRequests;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every function of the manifest with an HTTP trigger, built through the constructor its own tests use, on its real
 * DynamoDB and SQS adapters (DynamoDB Local and ElasticMQ, started once per JVM) and on the registered back-ends plus
 * one fake back-end ({@value #FAKE_BACKEND}) whose client functions record what they were asked. Requests go in as
 * API Gateway hands them on — an authorized caller's claims included — and each answer comes back with the writes
 * it made.
 */
final class HostileApi {

    static final String FAKE_BACKEND = "fuzz";
    static final String STAFF = "staff-fuzz";

    private static HostileApi shared;

    private final LocalAws aws;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final RecordedWrites writes = new RecordedWrites();
    private final RecordingServerControl server = new RecordingServerControl();
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
    private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
    private final Map<String, String> functionOfRoute = new LinkedHashMap<>();
    private Fixture fixture;
    private Map<String, RouteCase> cases;

    /**
     * One request as API Gateway passes it on: {@code body} as the event carries it (base64 when {@code base64});
     * {@code caller} is the token's subject (null: no token).
     */
    record Request(String routeKey, Map<String, String> path, Map<String, String> query,
                   Map<String, String> headers, String body, boolean base64, String caller) {

        String describe() {
            return routeKey + " path=" + shown(path) + " query=" + shown(query) + " headers=" + shown(headers)
                    + (base64 ? " base64" : "") + " body=" + (body == null ? "(none)" : HostileApi.shown(body, 400));
        }

        private static String shown(Map<String, String> values) {
            if (values == null) {
                return "{}";
            }
            Map<String, String> shown = new LinkedHashMap<>();
            values.forEach((k, v) -> shown.put(HostileApi.shown(k, 60), v == null ? null : HostileApi.shown(v, 160)));
            return shown.toString();
        }
    }

    /** {@code text} printable in a report: shortened, and every character but printable ASCII as {@code \\uXXXX}. */
    static String shown(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(text.length(), max); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return text.length() <= max ? out.toString() : out + "…(" + text.length() + " chars)";
    }

    /** The answer, with every write it made and every change the fake back-end was asked for. */
    record Answer(int status, Map<String, String> headers, String body, List<String> writes,
                  List<String> backendChanges) {
    }

    static synchronized HostileApi shared() {
        if (shared == null) {
            shared = new HostileApi(LocalAws.start());
            Runtime.getRuntime().addShutdownHook(new Thread(shared.aws::close, "hostile-input-emulators"));
        }
        return shared;
    }

    private HostileApi(LocalAws aws) {
        this.aws = aws;
        this.dynamo = aws.dynamoDbClientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(writes)).build();
        this.sqs = aws.sqsClientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(writes)).build();
        Clock clock = Clock.systemUTC();
        String table = aws.tableName();
        // no connection of the fixture is ever reached: their keys are never right
        ConnectionKeys keys = secretRef -> "not-the-key";
        List<BackendFactory> factories = new ArrayList<>(RegisteredBackends.ALL);
        factories.add(new FakeBackend(FAKE_BACKEND, null, FakeBackend.planningEverything(), server).factory());

        var catalog = new DynamoDbCatalogRepository(dynamo, table);
        var services = new DynamoDbServiceRepository(dynamo, table);
        var orders = new DynamoDbOrderRepository(dynamo, table, clock);
        var stock = new DynamoDbStockLevels(dynamo, table);
        var operations = new DynamoDbOperationRepository(dynamo, table);
        var answers = new DynamoDbActionAnswers(dynamo, table);
        var licences = new ServiceLicences(new LicenceRecords(new DynamoDbModuleState(dynamo, table)));
        var usage = new DynamoDbUsageLedger(dynamo, table, Manifest.USAGE_SAMPLE_RETENTION);
        BackendRegistry backends = Backends.on(dynamo, table, null, null, keys, Backends.BACKOFF, clock, factories);
        ServerControlWiring control = ServerControlWiring.of(dynamo, table,
                new SqsStepQueue(sqs, aws.queueUrl(Manifest.LIFECYCLE_QUEUE)), keys, factories, clock);

        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> built = new LinkedHashMap<>();
        built.put("storefront-api", new ApiGatewayStorefrontRequestHandler(
                new StorefrontQueries(catalog, stock, orders, services),
                new BandwidthReport(services, usage, clock), licences));
        built.put("order-acceptance", new ApiGatewayPlaceOrderRequestHandler(new AcceptOrder(catalog, stock, orders,
                new OrderDispatch(orders, new SqsStepQueue(sqs, aws.queueUrl(Manifest.PROVISIONING_QUEUE)),
                        new SqsMailQueue(sqs, aws.queueUrl(Manifest.MAIL_QUEUE)), clock),
                new SortableIds(clock), clock, (order, cause) -> { })));
        built.put("service-admin", new ApiGatewayServiceAdminRequestHandler(
                new RequestOperation(services, catalog, operations, answers,
                        new SqsStepQueue(sqs, aws.queueUrl(Manifest.LIFECYCLE_QUEUE)), backends,
                        new SortableIds(clock), clock),
                new OperationQueries(services, operations), new AbandonOperation(services, operations, clock),
                new UsageExport(usage, clock),
                new RecordRenewal(services, new DynamoDbServiceRenewals(dynamo, table), answers, clock),
                Backends.licencePoolView(dynamo, table, backends, clock), licences));
        built.put("catalog-admin", new ApiGatewayCatalogAdminRequestHandler(CatalogAdminWiring.of(dynamo, table, keys,
                factories, new SqsSyncRequests(sqs, aws.queueUrl(Manifest.SYNC_QUEUE)), clock)));
        built.put("server-control", new ApiGatewayServerControlRequestHandler(control.control(), control.requests(),
                control.queries()));
        this.handlers = Map.copyOf(built);

        for (FunctionSpec function : Manifest.FUNCTIONS) {
            if (function.trigger() instanceof Trigger.HttpApi http) {
                if (!handlers.containsKey(function.name())) {
                    throw new IllegalStateException("function " + function.name() + " has HTTP routes but no handler"
                            + " here: build it in HostileApi so its routes are covered");
                }
                for (HttpRoute route : http.routes()) {
                    routes.put(route.routeKey(), route);
                    functionOfRoute.put(route.routeKey(), function.name());
                }
            }
        }
    }

    /** The fixture the properties share: they never change it. */
    synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = Fixture.create(this);
        }
        return fixture;
    }

    /** Every route's accepted request on {@link #fixture()}, by route key. */
    synchronized Map<String, RouteCase> cases() {
        if (cases == null) {
            cases = RouteCases.on(fixture(), routes);
        }
        return cases;
    }

    /** Every route of the manifest, by route key. */
    Map<String, HttpRoute> routes() {
        return routes;
    }

    LocalAws aws() {
        return aws;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    Answer call(Request request) {
        writes.clear();
        server.clear();
        HttpRoute route = routes.get(request.routeKey());
        if (route == null) {
            throw new IllegalArgumentException("no route " + request.routeKey() + " in the manifest");
        }
        String function = functionOfRoute.get(request.routeKey());
        APIGatewayV2HTTPResponse response = handlers.get(function).handleRequest(event(route, request),
                InvocationContext.forTest(function));
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        return new Answer(response.getStatusCode(), headers, response.getBody(), writes.all(), server.changes());
    }

    private static APIGatewayV2HTTPEvent event(HttpRoute route, Request request) {
        String rawPath = route.path();
        for (Map.Entry<String, String> parameter : request.path().entrySet()) {
            rawPath = rawPath.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(route.routeKey())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(route.method())
                        .withPath(rawPath).build());
        if (request.caller() != null && route.access() != Access.PUBLIC) {
            boolean staff = route.access() == Access.STAFF;
            Map<String, String> claims = staff ? Map.of("sub", request.caller(), "scope", "admin")
                    : Map.of("sub", request.caller(), "email", request.caller() + "@example.test");
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(claims).withScopes(staff ? List.of("admin") : List.of()).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(route.routeKey()).withRawPath(rawPath)
                .withPathParameters(request.path().isEmpty() ? null : request.path())
                .withQueryStringParameters(request.query() == null || request.query().isEmpty() ? null : request.query())
                .withHeaders(request.headers())
                .withBody(request.body()).withIsBase64Encoded(request.base64())
                .withRequestContext(context.build())
                .build();
    }

    /** Runs {@code work} on the handlers without recording (fixture set-up through the API). */
    <T> T unrecorded(Function<HostileApi, T> work) {
        T result = work.apply(this);
        writes.clear();
        server.clear();
        return result;
    }
}
