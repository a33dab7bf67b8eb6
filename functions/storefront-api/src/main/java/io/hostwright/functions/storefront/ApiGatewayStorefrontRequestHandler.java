package io.hostwright.functions.storefront;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.hostwright.domain.licence.LicenceRecords;
import io.hostwright.domain.licence.ServiceLicences;
import io.hostwright.domain.storefront.ServiceDetails;
import io.hostwright.domain.storefront.StorefrontQueries;
import io.hostwright.domain.usage.BandwidthReport;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbModuleState;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
import io.hostwright.dynamodb.DynamoDbStockLevels;
import io.hostwright.dynamodb.DynamoDbUsageLedger;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.lambda.api.ApiRequest;
import io.hostwright.lambda.api.ApiResponses;
import io.hostwright.lambda.telemetry.Telemetry;
import io.hostwright.manifest.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/**
 * API Gateway → the storefront's read routes (catalog, one order, services with their control-panel licence).
 * Translation only.
 */
public final class ApiGatewayStorefrontRequestHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayStorefrontRequestHandler.class);
    private static final Map<String, String> CATALOG_CACHING = Map.of("Cache-Control", "public, max-age=60");

    private final StorefrontQueries queries;
    private final BandwidthReport bandwidth;
    private final ServiceLicences licences;
    private final Telemetry telemetry;

    public ApiGatewayStorefrontRequestHandler() {
        this(Wiring.fromEnvironment());
    }

    private ApiGatewayStorefrontRequestHandler(Wiring wiring) {
        this(wiring.queries(), wiring.bandwidth(), wiring.licences());
    }

    public ApiGatewayStorefrontRequestHandler(StorefrontQueries queries, BandwidthReport bandwidth,
                                              ServiceLicences licences) {
        this.queries = queries;
        this.bandwidth = bandwidth;
        this.licences = licences;
        this.telemetry = new Telemetry();
    }

    /** One DynamoDB client for all of them; a service's licence is one read of its module state, never the key. */
    private record Wiring(StorefrontQueries queries, BandwidthReport bandwidth, ServiceLicences licences) {
        static Wiring fromEnvironment() {
            DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
            String table = FunctionEnvironment.require(Manifest.TABLE_VARIABLE);
            Clock clock = Clock.systemUTC();
            DynamoDbServiceRepository services = new DynamoDbServiceRepository(dynamo, table);
            return new Wiring(new StorefrontQueries(new DynamoDbCatalogRepository(dynamo, table),
                    new DynamoDbStockLevels(dynamo, table), new DynamoDbOrderRepository(dynamo, table, clock),
                    services),
                    new BandwidthReport(services,
                            new DynamoDbUsageLedger(dynamo, table, Manifest.USAGE_SAMPLE_RETENTION), clock),
                    new ServiceLicences(new LicenceRecords(new DynamoDbModuleState(dynamo, table))));
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.invocation(context, () -> ApiResponses.routed(event, this::route, (request, unexpected) -> {
            LOG.error("storefront request failed", unexpected);
            return ApiResponses.internalError(context.getAwsRequestId());
        }));
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "GET /v1/catalog/products" -> ApiResponses.json(200,
                    new StorefrontViews.ProductList(queries.products().stream().map(StorefrontViews::product).toList()),
                    CATALOG_CACHING);
            case "GET /v1/catalog/products/{productId}" -> ApiResponses.json(200,
                    StorefrontViews.product(queries.product(request.pathParameter("productId").orElseThrow())),
                    CATALOG_CACHING);
            case "GET /v1/orders/{orderId}" -> ApiResponses.json(200, StorefrontViews.order(
                    queries.order(request.customer(), request.pathParameter("orderId").orElseThrow())));
            case "GET /v1/services" -> ApiResponses.json(200, new StorefrontViews.ServiceList(
                    queries.services(request.customer()).stream().map(StorefrontViews::summary).toList()));
            case "GET /v1/services/{serviceId}" -> {
                ServiceDetails details = queries.service(request.customer(),
                        request.pathParameter("serviceId").orElseThrow());
                yield ApiResponses.json(200, StorefrontViews.service(details,
                        licences.forCustomer(details.service()).orElse(null)));
            }
            case "GET /v1/services/{serviceId}/bandwidth" -> ApiResponses.json(200, StorefrontViews.bandwidth(
                    bandwidth.of(request.customer(), request.pathParameter("serviceId").orElseThrow())));
            default -> ApiResponses.noRoute(request);
        };
    }
}
