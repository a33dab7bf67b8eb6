package io.hostwright.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.domain.catalog.Product;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.json.Json;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.manifest.Manifest;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Handlers the runtime builds by reflection from class names, as Lambda does: public, no-argument constructor, the
 * environment read in the constructor.
 */
public final class TestHandlers {

    private TestHandlers() {
    }

    /** {@code GET /v1/env}: what the function's environment says, and the catalog it finds through it. */
    public static final class EnvironmentApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

        private final String table = FunctionEnvironment.require(Manifest.TABLE_VARIABLE);
        private final String serviceName = FunctionEnvironment.require("POWERTOOLS_SERVICE_NAME");
        private final DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(Region.of(FunctionEnvironment.require("AWS_REGION")))
                .endpointOverride(URI.create(FunctionEnvironment.require("AWS_ENDPOINT_URL_DYNAMODB")))
                .credentialsProvider(SystemPropertyCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("table", table);
            body.put("serviceName", serviceName);
            body.put("mailQueueUrl", FunctionEnvironment.require("MAIL_QUEUE_URL"));
            body.put("products", new DynamoDbCatalogRepository(dynamo, table).listProducts().stream()
                    .map(Product::productId).toList());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json")).withBody(Json.write(body)).build();
        }
    }

    /** A scheduled function taking the typed event. */
    public static final class Tick implements RequestHandler<ScheduledEvent, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
            return Map.of("source", event.getSource(), "detailType", event.getDetailType(),
                    "resources", event.getResources(), "function", context.getFunctionName());
        }
    }

    /** A scheduled function taking the event as a map, which Lambda fills from the event's JSON. */
    public static final class MapTick implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            return event.get("source") + "/" + event.get("detail-type");
        }
    }

    public static final class FailingTick implements RequestHandler<ScheduledEvent, Void> {
        @Override
        public Void handleRequest(ScheduledEvent event, Context context) {
            throw new IllegalStateException("the sweep could not reach the table");
        }
    }

    /** Consumes the mail queue, remembering what it got. */
    public static final class MailConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
        public static final List<String> BODIES = new CopyOnWriteArrayList<>();

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            event.getRecords().forEach(r -> BODIES.add(r.getBody()));
            return new SQSBatchResponse(List.of());
        }
    }
}
