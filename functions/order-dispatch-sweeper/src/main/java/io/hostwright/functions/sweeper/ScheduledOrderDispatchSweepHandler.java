package io.hostwright.functions.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.hostwright.domain.order.OrderDispatch;
import io.hostwright.domain.order.SweepUndispatchedOrders;
import io.hostwright.dynamodb.DynamoDbClients;
import io.hostwright.domain.operation.SweepUndispatchedOperations;
import io.hostwright.dynamodb.DynamoDbOperationRepository;
import io.hostwright.dynamodb.DynamoDbOrderRepository;
import io.hostwright.dynamodb.DynamoDbServiceRepository;
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
 * EventBridge schedule → {@link SweepUndispatchedOrders} and {@link SweepUndispatchedOperations}. Fails the
 * invocation when an order or operation still cannot be dispatched, so EventBridge retries and the error alarm fires.
 */
public final class ScheduledOrderDispatchSweepHandler
        implements RequestHandler<ScheduledEvent, SweepUndispatchedOrders.Result> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledOrderDispatchSweepHandler.class);

    private final SweepUndispatchedOrders sweep;
    private final SweepUndispatchedOperations operations;
    private final Telemetry telemetry;

    public ScheduledOrderDispatchSweepHandler() {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = DynamoDbClients.fromEnvironment();
        SqsClient sqs = SqsClients.fromEnvironment();
        String table = FunctionEnvironment.require(Manifest.TABLE_VARIABLE);
        DynamoDbOrderRepository orders = new DynamoDbOrderRepository(dynamo, table, clock);
        this.sweep = new SweepUndispatchedOrders(orders,
                new OrderDispatch(orders, SqsQueues.provisioning(sqs), SqsQueues.mail(sqs), clock), clock);
        this.operations = new SweepUndispatchedOperations(new DynamoDbOperationRepository(dynamo, table),
                new DynamoDbServiceRepository(dynamo, table), SqsQueues.lifecycle(sqs), clock);
        this.telemetry = new Telemetry();
    }

    public ScheduledOrderDispatchSweepHandler(SweepUndispatchedOrders sweep, SweepUndispatchedOperations operations) {
        this.sweep = sweep;
        this.operations = operations;
        this.telemetry = new Telemetry();
    }

    @Override
    public SweepUndispatchedOrders.Result handleRequest(ScheduledEvent event, Context context) {
        return telemetry.invocation(context, () -> {
            SweepUndispatchedOrders.Result result = sweep.sweep();
            SweepUndispatchedOperations.Result ops = operations.sweep();
            telemetry.metrics().addMetric("OrdersRedispatched", result.dispatched(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("OrdersDispatchFailed", result.failed(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("OperationsRedispatched", ops.dispatched(), MetricUnit.COUNT);
            telemetry.metrics().addMetric("OperationsDispatchFailed", ops.failed(), MetricUnit.COUNT);
            if (ops.dispatched() > 0) {
                LOG.warn("re-dispatched {} operations whose request was interrupted", ops.dispatched());
            }
            if (result.failed() > 0 || ops.failed() > 0) {
                LOG.error("{} orders and {} operations could not be dispatched; they stay for the next sweep",
                        result.failed(), ops.failed());
                throw new IllegalStateException(result.failed() + " orders and " + ops.failed()
                        + " operations could not be dispatched");
            }
            if (result.dispatched() > 0) {
                LOG.warn("re-dispatched {} orders whose acceptance was interrupted", result.dispatched());
            }
            return result;
        });
    }
}
