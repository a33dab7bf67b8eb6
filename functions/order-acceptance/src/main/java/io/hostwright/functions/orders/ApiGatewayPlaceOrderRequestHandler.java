package io.hostwright.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.hostwright.domain.ids.SortableIds;
import io.hostwright.domain.order.AcceptOrder;
import io.hostwright.domain.order.Order;
import io.hostwright.domain.order.OrderAccepted;
import io.hostwright.domain.order.OrderDispatch;
import io.hostwright.domain.order.PlaceOrder;
import io.hostwright.domain.problem.DomainException;
import io.hostwright.dynamodb.DynamoDbCatalogRepository;
import io.hostwright.dynamodb.DynamoDbStockLevels;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.lambda.api.ApiRequest;
import io.hostwright.lambda.api.ApiResponses;
import io.hostwright.lambda.telemetry.Telemetry;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Clock;
import java.util.Map;

/** API Gateway {@code POST /v1/orders} → {@link AcceptOrder}. Translation only. */
public final class ApiGatewayPlaceOrderRequestHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayPlaceOrderRequestHandler.class);

    private final AcceptOrder acceptOrder;
    private final Telemetry telemetry;

    public ApiGatewayPlaceOrderRequestHandler() {
        this.telemetry = new Telemetry();
        this.acceptOrder = acceptOrderFromEnvironment();
    }

    public ApiGatewayPlaceOrderRequestHandler(AcceptOrder acceptOrder) {
        this.telemetry = new Telemetry();
        this.acceptOrder = acceptOrder;
    }

    private static AcceptOrder acceptOrderFromEnvironment() {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        SqsClient sqs = SqsClients.fromEnvironment();
        String table = FunctionEnvironment.require(Manifest.TABLE_VARIABLE);
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(dynamo, table, clock);
        OrderDispatch dispatch = new OrderDispatch(orders,
                SqsQueues.provisioning(sqs), SqsQueues.mail(sqs), clock);
        return new AcceptOrder(new DynamoDbCatalogRepository(dynamo, table), new DynamoDbStockLevels(dynamo, table),
                orders, dispatch,
                new SortableIds(clock), clock, ApiGatewayPlaceOrderRequestHandler::dispatchFailed);
    }

    private static void dispatchFailed(Order order, RuntimeException cause) {
        LOG.error("order {} stored but its first messages could not be queued; the dispatch sweeper will retry",
                order.orderId(), cause);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            try {
                return accept(new ApiRequest(event));
            } catch (RuntimeException e) {
                LOG.error("order could not be processed", e);
                return ApiResponses.unavailable(context.getAwsRequestId());
            } finally {
                MDC.remove("orderId");
                MDC.remove("serviceId");
            }
        });
    }

    private APIGatewayV2HTTPResponse accept(ApiRequest request) {
        try {
            PlaceOrder order = PlaceOrderBody.decode(request.body(), request.customer(),
                    request.header(AcceptOrder.IDEMPOTENCY_HEADER).orElse(null));
            OrderAccepted accepted = acceptOrder.accept(order);
            MDC.put("orderId", accepted.orderId());
            MDC.put("serviceId", accepted.serviceId());
            telemetry.metrics().addMetric(accepted.replayed() ? "OrdersReplayed" : "OrdersAccepted", 1, MetricUnit.COUNT);
            LOG.info(accepted.replayed() ? "order replayed for a repeated idempotency key" : "order accepted");
            return ApiResponses.json(202,
                    Map.of("orderId", accepted.orderId(), "serviceId", accepted.serviceId(),
                            "status", accepted.status().name(), "waitingForStock", accepted.waitingForStock()),
                    accepted.replayed()
                            ? Map.of("Location", "/v1/orders/" + accepted.orderId(), "Idempotent-Replayed", "true")
                            : Map.of("Location", "/v1/orders/" + accepted.orderId()));
        } catch (DomainException | ApiRequest.PayloadTooLarge | ApiRequest.Unauthenticated refused) {
            telemetry.metrics().addMetric("OrdersRejected", 1, MetricUnit.COUNT);
            LOG.info("order rejected: {}", refused.getMessage());
            return ApiResponses.problemFor(refused);
        }
    }
}
