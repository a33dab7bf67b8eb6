package io.hostwright.functions.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.domain.order.OrderDispatch;
import io.hostwright.domain.order.SweepUndispatchedOrders;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.lambda.FunctionEnvironment;
import io.hostwright.lambda.telemetry.Telemetry;
import io.hostwright.manifest.Manifest;
import io.hostwright.sqs.SqsClients;
import io.hostwright.sqs.SqsQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Clock;

/**
 * EventBridge schedule → {@link SweepUndispatchedOrders}. Fails the invocation when an order still cannot be
 * dispatched, so EventBridge retries and the error alarm fires.
 */
public final class ScheduledOrderDispatchSweepHandler
        implements RequestHandler<ScheduledEvent, SweepUndispatchedOrders.Result> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledOrderDispatchSweepHandler.class);

    private final SweepUndispatchedOrders sweep;
    private final Telemetry telemetry;

    public ScheduledOrderDispatchSweepHandler() {
        this(sweepFromEnvironment());
    }

    public ScheduledOrderDispatchSweepHandler(SweepUndispatchedOrders sweep) {
        this.sweep = sweep;
        this.telemetry = new Telemetry();
    }

    private static SweepUndispatchedOrders sweepFromEnvironment() {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        SqsClient sqs = SqsClients.fromEnvironment();
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(dynamo,
                FunctionEnvironment.require(Manifest.TABLE_VARIABLE), clock);
        OrderDispatch dispatch = new OrderDispatch(orders,
                SqsQueues.provisioning(sqs), SqsQueues.mail(sqs), clock);
        return new SweepUndispatchedOrders(orders, dispatch, clock);
    }

    @Override
    public SweepUndispatchedOrders.Result handleRequest(ScheduledEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            SweepUndispatchedOrders.Result result = sweep.sweep();
            telemetry.metrics().addMetric("OrdersRedispatched", result.dispatched(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("OrdersDispatchFailed", result.failed(), MetricUnit.COUNT);
            if (result.failed() > 0) {
                LOG.error("{} orders could not be dispatched; they stay queued for the next sweep", result.failed());
                throw new IllegalStateException(result.failed() + " orders could not be dispatched");
            }
            if (result.dispatched() > 0) {
                LOG.warn("re-dispatched {} orders whose acceptance was interrupted", result.dispatched());
            }
            return result;
        });
    }
}
