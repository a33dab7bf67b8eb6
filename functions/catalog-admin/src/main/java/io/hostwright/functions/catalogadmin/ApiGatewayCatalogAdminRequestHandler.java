package io.hostwright.functions.catalogadmin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.hostwright.domain.catalog.Connection;
import io.hostwright.domain.catalog.Versioned;
import io.hostwright.domain.catalog.admin.ManageConnections;
import io.hostwright.domain.catalog.admin.ManageProducts;
import io.hostwright.domain.template.ManageTemplates;
import io.hostwright.domain.template.SyncRun;
import io.hostwright.lambda.api.ApiRequest;
import io.hostwright.lambda.api.ApiResponses;
import io.hostwright.lambda.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * API Gateway → staff's catalog: connections and products, each answered with its {@code ETag}; a change needs
 * {@code If-Match} (428 without, 412 when stale) and is checked by the back-end before it is stored. A connection's
 * OS templates, its sync run now ({@code 202}) and its runs. Translation only.
 */
public final class ApiGatewayCatalogAdminRequestHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayCatalogAdminRequestHandler.class);

    private final ManageConnections connections;
    private final ManageProducts products;
    private final ManageTemplates templates;
    private final Telemetry telemetry;

    public ApiGatewayCatalogAdminRequestHandler() {
        this(CatalogAdminWiring.fromEnvironment());
    }

    public ApiGatewayCatalogAdminRequestHandler(CatalogAdminWiring wiring) {
        this.connections = wiring.connections();
        this.products = wiring.products();
        this.templates = wiring.templates();
        this.telemetry = new Telemetry();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.invocation(context, () -> ApiResponses.routed(event, this::route, (request, unexpected) -> {
            LOG.error("catalog request {} failed", request.routeKey(), unexpected);
            return ApiResponses.unavailable(context.getAwsRequestId());
        }));
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request) {
        String connectionId = request.pathParameter("connectionId").orElse("");
        String productId = request.pathParameter("productId").orElse("");
        return switch (request.routeKey()) {
            case "GET /v1/admin/connections" -> ApiResponses.json(200, Map.of("connections",
                    connections.list().stream().map(CatalogDocuments::write).toList()));
            case "POST /v1/admin/connections" -> {
                Versioned<Connection> created = connections.create(CatalogDocuments.connection(request));
                yield created(connection(201, created), "/v1/admin/connections/" + created.value().connectionId());
            }
            case "GET /v1/admin/connections/{connectionId}" -> connection(200, connections.get(connectionId));
            case "PUT /v1/admin/connections/{connectionId}" -> connection(200, connections.replace(connectionId,
                    CatalogDocuments.connection(request), CatalogDocuments.ifMatch(request)));
            case "DELETE /v1/admin/connections/{connectionId}" -> {
                connections.delete(connectionId, CatalogDocuments.ifMatch(request));
                LOG.info("connection {} deleted", connectionId);
                yield ApiResponses.noContent();
            }
            case "POST /v1/admin/connections/{connectionId}/test" -> ApiResponses.json(200,
                    connections.test(connectionId));
            case "GET /v1/admin/connections/{connectionId}/templates" -> ApiResponses.json(200, Map.of("templates",
                    templates.list(connectionId).stream().map(CatalogDocuments::write).toList()));
            case "PUT /v1/admin/connections/{connectionId}/templates/{templateId}" -> ApiResponses.json(200,
                    CatalogDocuments.write(templates.edit(connectionId, request.pathParameter("templateId")
                            .orElse(""), CatalogDocuments.templateEdit(request))));
            case "POST /v1/admin/connections/{connectionId}/sync" -> {
                SyncRun queued = templates.syncNow(connectionId);
                LOG.info("sync {} of connection {} queued", queued.runId(), connectionId);
                yield created(ApiResponses.json(202, CatalogDocuments.write(queued)),
                        "/v1/admin/connections/" + connectionId + "/sync-runs/" + queued.runId());
            }
            case "GET /v1/admin/connections/{connectionId}/sync-runs" -> ApiResponses.json(200, Map.of("runs",
                    templates.runs(connectionId).stream().map(CatalogDocuments::write).toList()));
            case "GET /v1/admin/connections/{connectionId}/sync-runs/{runId}" -> ApiResponses.json(200,
                    CatalogDocuments.write(templates.run(connectionId, request.pathParameter("runId").orElse(""))));
            case "GET /v1/admin/products" -> ApiResponses.json(200, Map.of("products",
                    products.list().stream().map(CatalogDocuments::write).toList()));
            case "POST /v1/admin/products" -> {
                ManageProducts.Staffed created = products.create(CatalogDocuments.product(request));
                yield created(product(201, created), "/v1/admin/products/"
                        + created.product().value().productId());
            }
            case "GET /v1/admin/products/{productId}" -> product(200, products.get(productId));
            case "PUT /v1/admin/products/{productId}" -> product(200, products.replace(productId,
                    CatalogDocuments.product(request), CatalogDocuments.ifMatch(request)));
            case "DELETE /v1/admin/products/{productId}" -> {
                products.delete(productId, CatalogDocuments.ifMatch(request));
                LOG.info("product {} deleted", productId);
                yield ApiResponses.noContent();
            }
            default -> ApiResponses.noRoute(request);
        };
    }

    private static APIGatewayV2HTTPResponse connection(int status, Versioned<Connection> connection) {
        return ApiResponses.json(status, CatalogDocuments.write(connection.value()), CatalogDocuments.etag(connection));
    }

    private static APIGatewayV2HTTPResponse product(int status, ManageProducts.Staffed product) {
        return ApiResponses.json(status, CatalogDocuments.write(product), CatalogDocuments.etag(product));
    }

    private static APIGatewayV2HTTPResponse created(APIGatewayV2HTTPResponse response, String location) {
        LOG.info("{} created", location);
        Map<String, String> headers = new HashMap<>(response.getHeaders());
        headers.put("Location", location);
        response.setHeaders(headers);
        return response;
    }
}
